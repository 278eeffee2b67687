import { Money } from '~/components/currency';
import { shortDay } from '~/lib/dates';

interface Figures {
  outstanding: number;
  credit: number;
  customersOwing: number;
  salesToday: { count: number; total: number };
  salesThisWeek: { count: number; total: number; since: string };
}

const sales = (n: number) => `${n} ${n === 1 ? 'sale' : 'sales'}`;

/** The four headline figures of the overview. */
export function StatCards({ figures }: { figures: Figures }) {
  return (
    <dl className="stats">
      <div className="stat stat--accent">
        <dt>Outstanding</dt>
        <dd>
          <Money value={figures.outstanding} />
        </dd>
        <dd className="stat__note" data-testid="credit-held">
          {figures.credit > 0 ? (
            <>
              owed to you · <Money value={figures.credit} /> held as credit
            </>
          ) : (
            'debts and unpaid sales, less repayments'
          )}
        </dd>
      </div>
      <div className="stat">
        <dt>Customers owing</dt>
        <dd>{figures.customersOwing}</dd>
        <dd className="stat__note">who owe anything</dd>
      </div>
      <div className="stat">
        <dt>Sales today</dt>
        <dd>
          <Money value={figures.salesToday.total} />
        </dd>
        <dd className="stat__note">{sales(figures.salesToday.count)}</dd>
      </div>
      <div className="stat">
        <dt>Sales this week</dt>
        <dd>
          <Money value={figures.salesThisWeek.total} />
        </dd>
        <dd className="stat__note">
          {sales(figures.salesThisWeek.count)}
          {figures.salesThisWeek.since && ` since ${shortDay(figures.salesThisWeek.since)}`}
        </dd>
      </div>
    </dl>
  );
}
