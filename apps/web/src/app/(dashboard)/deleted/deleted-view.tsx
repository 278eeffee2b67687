'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { Money } from '~/components/currency';
import { Empty, ErrorState, Loading } from '~/components/ui/states';
import { useTRPC } from '~/trpc/react';
import { type Deleted, DeletedRow, describeDeleted, kindOf } from './deleted-row';

/**
 * Customers, debts, repayments and sales deleted in the last 30 days, on any device, newest
 * first, each with Restore. A deleted customer whose entries still hold money (books from
 * before deleting required a zero balance) is shown first, as a conflict to resolve.
 */
export function DeletedView() {
  const trpc = useTRPC();
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
          <h1>Recently deleted</h1>
          <p className="muted">
            Deleted in the last 30 days, on this dashboard or a phone. Restoring brings it back on every
            device at its next sync.
          </p>
        </div>
      </div>
      {restored && (
        <p className="notice" role="status">
          Restored {kindOf(restored).toLowerCase()}: {describeDeleted(restored)}.{' '}
          {restored.customerId && <Link href={`/customers/${restored.customerId}`}>Open customer</Link>}
        </p>
      )}
      {restore.error && (
        <p className="form-error" role="alert">
          {restore.error.message}
        </p>
      )}
      {conflicts.length > 0 && (
        <section className="card card--conflict" aria-labelledby="conflicts">
          <h2 id="conflicts">Money under deleted customers</h2>
          <p>
            These customers are deleted, but their entries still hold money, which Outstanding leaves out.
            Restore them to settle it: record the repayment, or write it off.
          </p>
          <ul className="conflicts">
            {conflicts.map((c) => (
              <li key={c.id}>
                <strong>{c.customerName}</strong> {c.amount > 0 ? 'owes' : 'holds'}{' '}
                <Money value={Math.abs(c.amount)} />
                {c.amount < 0 && ' credit'}
              </li>
            ))}
          </ul>
        </section>
      )}
      <section className="card" aria-labelledby="deleted">
        <h2 id="deleted">Deleted, newest first</h2>
        {list.isError ? (
          <ErrorState error={list.error} onRetry={() => list.refetch()} />
        ) : list.isPending ? (
          <Loading label="Loading what was deleted…" />
        ) : rows.length === 0 ? (
          <Empty title="Nothing deleted in the last 30 days" />
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
