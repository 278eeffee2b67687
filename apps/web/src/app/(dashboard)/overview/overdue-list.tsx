'use client';

import Link from 'next/link';
import { Money } from '~/components/currency';
import { Empty } from '~/components/ui/states';
import { useI18n } from '~/i18n/provider';

/** Customers with debts past their due date not yet repaid, most overdue first. */
export function OverdueList({
  customers,
}: {
  customers: { id: string; name: string; overdue: number; since: string }[];
}) {
  const { t, calendarDay } = useI18n();
  if (customers.length === 0)
    return (
      <Empty title={t('dashboard.overview.nobodyOverdue')}>{t('dashboard.overview.nobodyOverdueHint')}</Empty>
    );
  return (
    <ol className="ranked" data-testid="overdue">
      {customers.map((c) => (
        <li key={c.id}>
          <span>
            <Link href={`/customers/${c.id}`} dir="auto">
              {c.name}
            </Link>
            <span className="muted">{t('dashboard.overview.due', { day: calendarDay(c.since) })}</span>
          </span>
          <Money value={c.overdue} className="money--owed" />
        </li>
      ))}
    </ol>
  );
}
