'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { SaleForm } from '~/components/forms/sale-form';
import { useI18n } from '~/i18n/provider';

/** The sale form on a page of its own; back to where it was opened from when saved. */
export function NewSaleView({ customerId }: { customerId: string | undefined }) {
  const router = useRouter();
  const { t } = useI18n();
  const back = customerId ? `/customers/${customerId}` : '/sales';
  return (
    <>
      <nav aria-label={t('dashboard.customer.breadcrumb')} className="breadcrumb">
        <Link href={back}>{customerId ? t('dashboard.customer.title') : t('dashboard.sales.title')}</Link> /{' '}
        <span aria-current="page">{t('dashboard.sales.newSale')}</span>
      </nav>
      <div className="page-header">
        <h1>{t('dashboard.sales.newSale')}</h1>
      </div>
      <section className="card sale-card">
        <SaleForm customerId={customerId} onDone={() => router.push(back)} />
      </section>
    </>
  );
}
