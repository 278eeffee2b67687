'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter, useSearchParams } from 'next/navigation';
import { useEffect, useState } from 'react';
import { Money } from '~/components/currency';
import { CustomerForm } from '~/components/forms/customer-form';
import { DebtForm } from '~/components/forms/debt-form';
import { PaymentForm } from '~/components/forms/payment-form';
import { RowHistory } from '~/components/history/row-history';
import { Dialog } from '~/components/ui/dialog';
import { Empty, ErrorState, Loading } from '~/components/ui/states';
import { useTRPC } from '~/trpc/react';
import { DeleteCustomer } from '../delete-customer';
import { Timeline } from './timeline';

type Open = 'debt' | 'payment' | 'edit' | 'delete' | 'history' | null;

/** One customer: balance, details, and their history, from which to record a debt, payment or sale. */
export function CustomerView({ id }: { id: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [open, setOpen] = useState<Open>(null);
  const customer = useQuery(trpc.customers.get.queryOptions({ id }));
  const timeline = useQuery(trpc.customers.timeline.queryOptions({ id }));
  const close = () => setOpen(null);
  // `?record=payment` opens the repayment form, e.g. from the delete dialog's "Record a repayment first".
  const record = useSearchParams().get('record');
  useEffect(() => {
    if (record !== 'payment') return;
    setOpen('payment');
    router.replace(`/customers/${id}`, { scroll: false });
  }, [record, id, router]);

  if (customer.isError) {
    return customer.error.data?.code === 'NOT_FOUND' || customer.error.data?.code === 'BAD_REQUEST' ? (
      <Empty title="No such customer">
        <Link href="/customers">Back to customers</Link>
      </Empty>
    ) : (
      <ErrorState error={customer.error} onRetry={() => customer.refetch()} />
    );
  }
  if (!customer.data) return <Loading label="Loading customer…" />;
  const c = customer.data;

  return (
    <>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link href="/customers">Customers</Link> / <span aria-current="page">{c.name}</span>
      </nav>
      <div className="page-header">
        <div>
          <h1>{c.name}</h1>
          <p className="muted">
            {c.phone ?? 'No phone'}
            {c.note && ` · ${c.note}`}
          </p>
        </div>
        <div className="page-header__actions">
          <button type="button" className="button" onClick={() => setOpen('history')}>
            Change history
          </button>
          <button type="button" className="button" onClick={() => setOpen('edit')}>
            Edit
          </button>
          <button type="button" className="button button--quiet-danger" onClick={() => setOpen('delete')}>
            Delete
          </button>
        </div>
      </div>
      <dl className="stats stats--three">
        {c.credit > 0 ? (
          <div className="stat stat--credit">
            <dt>Credit</dt>
            <dd data-testid="credit">
              <Money value={c.credit} />
            </dd>
            <dd className="stat__note">nothing owed · paid ahead</dd>
          </div>
        ) : (
          <div className={`stat ${c.owed > 0 ? 'stat--owed' : 'stat--settled'}`}>
            <dt>Owes</dt>
            <dd data-testid="balance">
              <Money value={c.owed} />
            </dd>
            <dd className="stat__note">{c.owed > 0 ? 'owes the store' : 'nothing owed'}</dd>
          </div>
        )}
        <div className="stat">
          <dt>Debts</dt>
          <dd>
            <Money value={c.debts + c.unpaidSales} />
          </dd>
          {c.unpaidSales > 0 && (
            <dd className="stat__note" data-testid="unpaid-sales">
              incl. <Money value={c.unpaidSales} /> unpaid on sales
            </dd>
          )}
        </div>
        <div className="stat">
          <dt>Repaid</dt>
          <dd>
            <Money value={c.payments} />
          </dd>
        </div>
      </dl>
      <div className="action-bar">
        <button type="button" className="button button--primary" onClick={() => setOpen('debt')}>
          Record debt
        </button>
        <button type="button" className="button button--primary" onClick={() => setOpen('payment')}>
          Record payment
        </button>
        <Link className="button" href={`/sales/new?customer=${c.id}`}>
          Record sale
        </Link>
      </div>
      <section className="card" aria-labelledby="history">
        <h2 id="history">History</h2>
        {timeline.isError ? (
          <ErrorState error={timeline.error} onRetry={() => timeline.refetch()} />
        ) : timeline.data ? (
          <Timeline entries={timeline.data} customer={c} />
        ) : (
          <Loading label="Loading history…" />
        )}
      </section>
      <Dialog open={open === 'debt'} title={`New debt for ${c.name}`} onClose={close}>
        <DebtForm customerId={c.id} onDone={close} onCancel={close} />
      </Dialog>
      <Dialog open={open === 'payment'} title={`Payment from ${c.name}`} onClose={close}>
        <PaymentForm customer={c} balance={c} onDone={close} onCancel={close} />
      </Dialog>
      <Dialog open={open === 'edit'} title="Edit customer" onClose={close}>
        <CustomerForm customer={c} onDone={close} onCancel={close} />
      </Dialog>
      <Dialog open={open === 'history'} title={`Change history of ${c.name}`} onClose={close}>
        {open === 'history' && <RowHistory entity="customers" id={c.id} />}
      </Dialog>
      <DeleteCustomer
        customer={open === 'delete' ? c : null}
        onClose={close}
        onDeleted={() => router.push('/customers')}
      />
    </>
  );
}
