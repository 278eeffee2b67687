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
import { serverMessage } from '~/i18n/errors';
import { useI18n } from '~/i18n/provider';
import { localDay } from '~/lib/dates';
import { useTRPC } from '~/trpc/react';
import { type Sale, SalesDay } from './sales-day';

/** Sales, newest first, grouped by the owner's calendar day with each day's total. */
export function SalesView() {
  const trpc = useTRPC();
  const { t, locale } = useI18n();
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
        <h1>{t('dashboard.sales.title')}</h1>
        <div className="page-header__actions">
          <Link className="button button--primary" href="/sales/new">
            {t('dashboard.sales.newSale')}
          </Link>
        </div>
      </div>
      {list.isError ? (
        <ErrorState error={list.error} onRetry={() => list.refetch()} />
      ) : list.isPending ? (
        <Loading label={t('dashboard.sales.loading')} />
      ) : sales.length === 0 ? (
        <Empty title={t('dashboard.sales.none')}>
          <Link className="button button--primary" href="/sales/new">
            {t('dashboard.sales.recordFirst')}
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
      <LoadMore list={list} label={t('dashboard.sales.showEarlier')} />
      <Dialog
        open={tracing !== null}
        title={t('dashboard.sales.historyTitle')}
        onClose={() => setTracing(null)}
      >
        {tracing && <RowHistory entity="sales" id={tracing.id} />}
      </Dialog>
      <Dialog open={editing !== null} title={t('dashboard.sales.editTitle')} onClose={() => setEditing(null)}>
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
        title={t('dashboard.sales.deleteTitle')}
        message={t('dashboard.timeline.deleteMessage')}
        confirmLabel={t('dashboard.sales.deleteConfirm')}
        busy={remove.isPending}
        error={remove.error ? serverMessage(t, locale, remove.error) : null}
        onCancel={() => setDeleting(null)}
        onConfirm={() =>
          deleting && remove.mutate({ id: deleting.id }, { onSuccess: () => setDeleting(null) })
        }
      />
    </>
  );
}
