'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { SaleForm } from '~/components/forms/sale-form';

/** The sale form on a page of its own; back to where it was opened from when saved. */
export function NewSaleView({ customerId }: { customerId: string | undefined }) {
  const router = useRouter();
  const back = customerId ? `/customers/${customerId}` : '/sales';
  return (
    <>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link href={back}>{customerId ? 'Customer' : 'Sales'}</Link> /{' '}
        <span aria-current="page">New sale</span>
      </nav>
      <div className="page-header">
        <h1>New sale</h1>
      </div>
      <section className="card sale-card">
        <SaleForm customerId={customerId} onDone={() => router.push(back)} />
      </section>
    </>
  );
}
