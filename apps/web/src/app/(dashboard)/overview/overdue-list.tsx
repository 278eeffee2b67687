import Link from 'next/link';
import { Money } from '~/components/currency';
import { Empty } from '~/components/ui/states';
import { calendarDay } from '~/lib/dates';

/** Customers with debts past their due date not yet repaid, most overdue first. */
export function OverdueList({
  customers,
}: {
  customers: { id: string; name: string; overdue: number; since: string }[];
}) {
  if (customers.length === 0)
    return <Empty title="Nobody is overdue">Debts past their due date show up here.</Empty>;
  return (
    <ol className="ranked" data-testid="overdue">
      {customers.map((c) => (
        <li key={c.id}>
          <span>
            <Link href={`/customers/${c.id}`}>{c.name}</Link>
            <span className="muted"> · due {calendarDay(c.since)}</span>
          </span>
          <Money value={c.overdue} className="money--owed" />
        </li>
      ))}
    </ol>
  );
}
