import type { AppRouter } from '@storesync/api';
import { saleUnpaid } from '@storesync/schema';
import type { inferRouterOutputs } from '@trpc/server';
import Link from 'next/link';
import { Money } from '~/components/currency';
import { longDay, timeOfDay } from '~/lib/dates';

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
  const total = sales.reduce((sum, s) => sum + s.total, 0);
  const headingId = `day-${day}`;
  return (
    <section className="card sales-day" aria-labelledby={headingId}>
      <header className="sales-day__header">
        <h2 id={headingId}>{longDay(day)}</h2>
        <span>
          {sales.length} {sales.length === 1 ? 'sale' : 'sales'} · <Money value={total} />
        </span>
      </header>
      <ul className="sales-list">
        {sales.map((sale) => (
          <li key={sale.id} className="sale">
            <time className="sale__time" dateTime={sale.soldAt}>
              {timeOfDay(sale.soldAt)}
            </time>
            <div className="sale__main">
              <span className="sale__items">
                {sale.items.map((i) => `${i.quantity} × ${i.name}`).join(', ')}
              </span>
              <span className="muted">
                {sale.customerId && sale.customerName ? (
                  <Link href={`/customers/${sale.customerId}`}>{sale.customerName}</Link>
                ) : (
                  'Walk-in'
                )}
                {saleUnpaid(sale) > 0 && (
                  <>
                    {' · paid '}
                    <Money value={sale.paidAmount} />
                    {', '}
                    <Money value={saleUnpaid(sale)} className="money--owed" />
                    {' unpaid'}
                  </>
                )}
              </span>
            </div>
            <Money value={sale.total} className="sale__total" />
            <button
              type="button"
              className="icon-button"
              title="History"
              aria-label={`History of sale of ${timeOfDay(sale.soldAt)}`}
              onClick={() => onHistory(sale)}
            >
              ↺
            </button>
            <button
              type="button"
              className="icon-button"
              title="Edit"
              aria-label={`Change sale of ${timeOfDay(sale.soldAt)}`}
              onClick={() => onEdit(sale)}
            >
              ✎
            </button>
            <button
              type="button"
              className="icon-button"
              aria-label={`Delete sale of ${timeOfDay(sale.soldAt)}`}
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
