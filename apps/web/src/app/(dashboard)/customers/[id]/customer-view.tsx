'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter, useSearchParams } from 'next/navigation';
import { useEffect, useState } from 'react';
import { Money, useFormatMoney } from '~/components/currency';
import { CustomerForm } from '~/components/forms/customer-form';
import { DebtForm } from '~/components/forms/debt-form';
import { PaymentForm } from '~/components/forms/payment-form';
import { RowHistory } from '~/components/history/row-history';
import { Dialog } from '~/components/ui/dialog';
import { Empty, ErrorState, Loading } from '~/components/ui/states';
import { useI18n } from '~/i18n/provider';
import { useTRPC } from '~/trpc/react';
import { DeleteCustomer } from '../delete-customer';
import { LinksPanel } from './links-panel';
import { RemindPanel } from './remind-panel';
import { Timeline } from './timeline';

type Open = 'debt' | 'payment' | 'edit' | 'delete' | 'history' | null;

/** One customer: balance, details, and their history, from which to record a debt, payment or sale. */
export function CustomerView({ id }: { id: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const { t, isolate } = useI18n();
  const format = useFormatMoney();
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
      <Empty title={t('dashboard.customer.missing')}>
        <Link href="/customers">{t('dashboard.customer.backToList')}</Link>
      </Empty>
    ) : (
      <ErrorState error={customer.error} onRetry={() => customer.refetch()} />
    );
  }
  if (!customer.data) return <Loading label={t('dashboard.customer.loading')} />;
  const c = customer.data;

  return (
    <>
      <nav aria-label={t('dashboard.customer.breadcrumb')} className="breadcrumb">
        <Link href="/customers">{t('dashboard.nav.customers')}</Link> /{' '}
        <span aria-current="page" dir="auto">
          {c.name}
        </span>
      </nav>
      <div className="page-header">
        <div>
          <h1 dir="auto">{c.name}</h1>
          <p className="muted">
            {c.phone ? <bdi dir="ltr">{c.phone}</bdi> : t('dashboard.customer.noPhone')}
            {c.note && (
              <>
                {' · '}
                <bdi>{c.note}</bdi>
              </>
            )}
          </p>
        </div>
        <div className="page-header__actions">
          <button type="button" className="button" onClick={() => setOpen('history')}>
            {t('dashboard.customer.changeHistory')}
          </button>
          <button type="button" className="button" onClick={() => setOpen('edit')}>
            {t('dashboard.states.edit')}
          </button>
          <button type="button" className="button button--quiet-danger" onClick={() => setOpen('delete')}>
            {t('dashboard.states.delete')}
          </button>
        </div>
      </div>
      <dl className="stats stats--three">
        {c.credit > 0 ? (
          <div className="stat stat--credit">
            <dt>{t('dashboard.customer.credit')}</dt>
            <dd data-testid="credit">
              <Money value={c.credit} />
            </dd>
            <dd className="stat__note">{t('dashboard.customer.paidAhead')}</dd>
          </div>
        ) : (
          <div className={`stat ${c.owed > 0 ? 'stat--owed' : 'stat--settled'}`}>
            <dt>{t('dashboard.customer.owes')}</dt>
            <dd data-testid="balance">
              <Money value={c.owed} />
            </dd>
            <dd className="stat__note">
              {c.owed > 0 ? t('dashboard.customer.owesTheStore') : t('dashboard.customer.nothingOwed')}
            </dd>
          </div>
        )}
        <div className="stat">
          <dt>{t('dashboard.customer.debts')}</dt>
          <dd>
            <Money value={c.debts + c.unpaidSales} />
          </dd>
          {c.unpaidSales > 0 && (
            <dd className="stat__note" data-testid="unpaid-sales">
              {t('dashboard.customer.unpaidOnSales', { amount: isolate(format(c.unpaidSales)) })}
            </dd>
          )}
        </div>
        <div className="stat">
          <dt>{t('dashboard.customer.repaid')}</dt>
          <dd>
            <Money value={c.payments} />
          </dd>
        </div>
      </dl>
      <div className="action-bar">
        <button type="button" className="button button--primary" onClick={() => setOpen('debt')}>
          {t('dashboard.customer.recordDebt')}
        </button>
        <button type="button" className="button button--primary" onClick={() => setOpen('payment')}>
          {t('dashboard.customer.recordPayment')}
        </button>
        <Link className="button" href={`/sales/new?customer=${c.id}`}>
          {t('dashboard.customer.recordSale')}
        </Link>
      </div>
      <LinksPanel customerId={c.id} />
      <RemindPanel customerId={c.id} owed={c.owed} />
      <section className="card" aria-labelledby="history">
        <h2 id="history">{t('dashboard.customer.history')}</h2>
        {timeline.isError ? (
          <ErrorState error={timeline.error} onRetry={() => timeline.refetch()} />
        ) : timeline.data ? (
          <Timeline entries={timeline.data} customer={c} />
        ) : (
          <Loading label={t('dashboard.customer.loadingHistory')} />
        )}
      </section>
      <Dialog
        open={open === 'debt'}
        title={t('dashboard.customer.newDebtFor', { name: c.name })}
        onClose={close}
      >
        <DebtForm customerId={c.id} onDone={close} onCancel={close} />
      </Dialog>
      <Dialog
        open={open === 'payment'}
        title={t('dashboard.customer.paymentFrom', { name: c.name })}
        onClose={close}
      >
        <PaymentForm customer={c} balance={c} onDone={close} onCancel={close} />
      </Dialog>
      <Dialog open={open === 'edit'} title={t('dashboard.customers.editCustomer')} onClose={close}>
        <CustomerForm customer={c} onDone={close} onCancel={close} />
      </Dialog>
      <Dialog
        open={open === 'history'}
        title={t('dashboard.customer.historyOf', { name: c.name })}
        onClose={close}
      >
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
