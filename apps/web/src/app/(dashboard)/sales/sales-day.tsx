'use client';

import type { AppRouter } from '@storesync/api';
import { saleUnpaid } from '@storesync/schema';
import type { inferRouterOutputs } from '@trpc/server';

import Link from 'next/link';
import { Money, useFormatMoney } from '~/components/currency';
import { useI18n } from '~/i18n/provider';

export type Sale = inferRouterOutputs<AppRouter>['sales']['list']['items'][number];

/** One day's sales with the day's total; a day that spans pages shows what is loaded. */
export function SalesDay({
  day,
  sales,
  onHistory,
  onEdit,
  onDelete,
}: {
  day: string;
  sales: Sale[];
  onHistory: (sale: Sale) => void;
  onEdit: (sale: Sale) => void;
  onDelete: (sale: Sale) => void;
}) {
  const { t, longDay, timeOfDay, isolate } = useI18n();
  const format = useFormatMoney();
  const total = sales.reduce((sum, s) => sum + s.total, 0);
  const headingId = `day-${day}`;
  return (
    <section className="card sales-day" aria-labelledby={headingId}>
      <header className="sales-day__header">
        <h2 id={headingId}>{longDay(day)}</h2>
        <span>{t('dashboard.sales.dayTotal', { count: sales.length, amount: isolate(format(total)) })}</span>
      </header>
      <ul className="sales-list">
        {sales.map((sale) => (
          <li key={sale.id} className="sale">
            <time className="sale__time" dateTime={sale.soldAt}>
              {timeOfDay(sale.soldAt)}
            </time>
            <div className="sale__main">
              <bdi className="sale__items" dir="auto">
                {sale.items
                  .map((i) => t('dashboard.timeline.items', { quantity: i.quantity, name: i.name }))
                  .join(', ')}
              </bdi>
              <span className="muted">
                {sale.customerId && sale.customerName ? (
                  <Link href={`/customers/${sale.customerId}`} dir="auto">
                    {sale.customerName}
                  </Link>
                ) : (
                  t('dashboard.sales.walkIn')
                )}
                {saleUnpaid(sale) > 0 &&
                  t('dashboard.sales.paidUnpaid', {
                    paid: isolate(format(sale.paidAmount)),
                    unpaid: isolate(format(saleUnpaid(sale))),
                  })}
              </span>
            </div>
            <Money value={sale.total} className="sale__total" />
            <button
              type="button"
              className="icon-button"
              title={t('dashboard.states.history')}
              aria-label={t('dashboard.sales.historyOf', { time: timeOfDay(sale.soldAt) })}
              onClick={() => onHistory(sale)}
            >
              ↺
            </button>
            <button
              type="button"
              className="icon-button"
              title={t('dashboard.states.edit')}
              aria-label={t('dashboard.sales.changeOf', { time: timeOfDay(sale.soldAt) })}
              onClick={() => onEdit(sale)}
            >
              ✎
            </button>
            <button
              type="button"
              className="icon-button"
              aria-label={t('dashboard.sales.deleteOf', { time: timeOfDay(sale.soldAt) })}
              onClick={() => onDelete(sale)}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
