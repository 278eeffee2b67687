'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { useFormatMoney } from '~/components/currency';
import { Empty, ErrorState, Loading } from '~/components/ui/states';
import { serverMessage } from '~/i18n/errors';
import { useI18n } from '~/i18n/provider';
import { useTRPC } from '~/trpc/react';
import { type Deleted, DeletedRow, describeDeleted, kindOf } from './deleted-row';

/**
 * Customers, debts, repayments and sales deleted in the last 30 days, on any device, newest
 * first, each with Restore. A deleted customer whose entries still hold money (books from
 * before deleting required a zero balance) is shown first, as a conflict to resolve.
 */
export function DeletedView() {
  const trpc = useTRPC();
  const i18n = useI18n();
  const { t, locale, isolate } = i18n;
  const format = useFormatMoney();
  const list = useQuery(trpc.deleted.list.queryOptions());
  const restore = useMutation(trpc.deleted.restore.mutationOptions());
  const [restored, setRestored] = useState<Deleted | null>(null);
  const rows = list.data ?? [];
  const conflicts = rows.filter((r) => r.entity === 'customers' && r.amount !== 0);

  const onRestore = (row: Deleted) => {
    setRestored(null);
    restore.mutate({ entity: row.entity, id: row.id }, { onSuccess: () => setRestored(row) });
  };

  return (
    <>
      <div className="page-header">
        <div>
          <h1>{t('dashboard.deleted.title')}</h1>
          <p className="muted">{t('dashboard.deleted.intro')}</p>
        </div>
      </div>
      {restored && (
        <p className="notice" role="status">
          {t('dashboard.deleted.restored', { kind: kindOf(restored), what: describeDeleted(i18n, restored) })}{' '}
          {restored.customerId && (
            <Link href={`/customers/${restored.customerId}`}>{t('dashboard.deleted.openCustomer')}</Link>
          )}
        </p>
      )}
      {restore.error && (
        <p className="form-error" role="alert">
          {serverMessage(t, locale, restore.error)}
        </p>
      )}
      {conflicts.length > 0 && (
        <section className="card card--conflict" aria-labelledby="conflicts">
          <h2 id="conflicts">{t('dashboard.deleted.conflicts')}</h2>
          <p>{t('dashboard.deleted.conflictsHelp')}</p>
          <ul className="conflicts">
            {conflicts.map((c) => (
              <li key={c.id}>
                {t(c.amount > 0 ? 'dashboard.deleted.conflictOwes' : 'dashboard.deleted.conflictHolds', {
                  name: isolate(c.customerName ?? ''),
                  amount: isolate(format(Math.abs(c.amount))),
                })}
              </li>
            ))}
          </ul>
        </section>
      )}
      <section className="card" aria-labelledby="deleted">
        <h2 id="deleted">{t('dashboard.deleted.newestFirst')}</h2>
        {list.isError ? (
          <ErrorState error={list.error} onRetry={() => list.refetch()} />
        ) : list.isPending ? (
          <Loading label={t('dashboard.deleted.loading')} />
        ) : rows.length === 0 ? (
          <Empty title={t('dashboard.deleted.nothing')} />
        ) : (
          <ol className="timeline" data-testid="deleted-list">
            {rows.map((row) => (
              <DeletedRow
                key={`${row.entity}:${row.id}`}
                row={row}
                busy={restore.isPending}
                onRestore={onRestore}
              />
            ))}
          </ol>
        )}
      </section>
    </>
  );
}
