'use client';

import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { SaleForm } from '~/components/forms/sale-form';
import { RowHistory } from '~/components/history/row-history';
import { ConfirmDialog } from '~/components/ui/confirm-dialog';
import { Dialog } from '~/components/ui/dialog';
import { LoadMore } from '~/components/ui/load-more';
import { Empty, ErrorState, Loading } from '~/components/ui/states';
import { localDay } from '~/lib/dates';
import { useTRPC } from '~/trpc/react';
import { type Sale, SalesDay } from './sales-day';

/** Sales, newest first, grouped by the owner's calendar day with each day's total. */
export function SalesView() {
  const trpc = useTRPC();
  const [deleting, setDeleting] = useState<Sale | null>(null);
  const [editing, setEditing] = useState<Sale | null>(null);
  const [tracing, setTracing] = useState<Sale | null>(null);
  const remove = useMutation(trpc.sales.delete.mutationOptions());
  const list = useInfiniteQuery(
    trpc.sales.list.infiniteQueryOptions(
      { limit: 100 },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
  const sales = list.data?.pages.flatMap((p) => p.items) ?? [];
  const days = new Map<string, Sale[]>();
  for (const sale of sales) {
    const day = localDay(sale.soldAt);
    days.set(day, [...(days.get(day) ?? []), sale]);
  }

  return (
    <>
      <div className="page-header">
        <h1>Sales</h1>
        <div className="page-header__actions">
          <Link className="button button--primary" href="/sales/new">
            New sale
          </Link>
        </div>
      </div>
      {list.isError ? (
        <ErrorState error={list.error} onRetry={() => list.refetch()} />
      ) : list.isPending ? (
        <Loading label="Loading sales…" />
      ) : sales.length === 0 ? (
        <Empty title="No sales yet">
          <Link className="button button--primary" href="/sales/new">
            Record your first sale
          </Link>
        </Empty>
      ) : (
        [...days].map(([day, daySales]) => (
          <SalesDay
            key={day}
            day={day}
            sales={daySales}
            onHistory={setTracing}
            onEdit={setEditing}
            onDelete={setDeleting}
          />
        ))
      )}
      <LoadMore list={list} label="Show earlier sales" />
      <Dialog open={tracing !== null} title="History of this sale" onClose={() => setTracing(null)}>
        {tracing && <RowHistory entity="sales" id={tracing.id} />}
      </Dialog>
      <Dialog open={editing !== null} title="Edit sale" onClose={() => setEditing(null)}>
        {editing && (
          <SaleForm
            key={editing.id}
            sale={editing}
            onDone={() => setEditing(null)}
            onCancel={() => setEditing(null)}
          />
        )}
      </Dialog>
      <ConfirmDialog
        open={deleting !== null}
        title="Delete this sale?"
        message="It is removed here and from every device at its next sync."
        confirmLabel="Delete sale"
        busy={remove.isPending}
        error={remove.error?.message ?? null}
        onCancel={() => setDeleting(null)}
        onConfirm={() =>
          deleting && remove.mutate({ id: deleting.id }, { onSuccess: () => setDeleting(null) })
        }
      />
    </>
  );
}
