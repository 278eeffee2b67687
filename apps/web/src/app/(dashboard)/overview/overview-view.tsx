'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { ErrorState, Loading } from '~/components/ui/states';
import { useTimeZone } from '~/components/use-time-zone';
import { useI18n } from '~/i18n/provider';
import { useTRPC } from '~/trpc/react';
import { DailyCharts } from './daily-charts';
import { OverdueList } from './overdue-list';
import { StatCards } from './stat-cards';
import { TopDebtors } from './top-debtors';

/** The store at a glance: what is owed, sales, the last 30 days, who owes most and who is overdue. */
export function OverviewView() {
  const trpc = useTRPC();
  const { t } = useI18n();
  const timeZone = useTimeZone();
  const enabled = timeZone !== null;
  const tz = timeZone ?? 'UTC';
  const overview = useQuery({ ...trpc.reports.overview.queryOptions({ timeZone: tz }), enabled });
  const daily = useQuery({ ...trpc.reports.daily.queryOptions({ timeZone: tz, days: 30 }), enabled });
  const overdue = useQuery({ ...trpc.reports.overdue.queryOptions({ timeZone: tz }), enabled });

  return (
    <>
      <div className="page-header">
        <h1>{t('dashboard.nav.overview')}</h1>
        <div className="page-header__actions">
          <Link className="button" href="/customers?new=1">
            {t('dashboard.overview.newCustomer')}
          </Link>
          <Link className="button button--primary" href="/sales/new">
            {t('dashboard.overview.newSale')}
          </Link>
        </div>
      </div>
      {overview.isError ? (
        <ErrorState error={overview.error} onRetry={() => overview.refetch()} />
      ) : overview.data ? (
        <StatCards figures={overview.data} />
      ) : (
        <Loading label={t('dashboard.overview.loadingFigures')} />
      )}
      <div className="overview-grid">
        <section className="card" aria-labelledby="last-30-days">
          <h2 id="last-30-days">{t('dashboard.overview.last30Days')}</h2>
          {daily.isError ? (
            <ErrorState error={daily.error} onRetry={() => daily.refetch()} />
          ) : daily.data ? (
            <DailyCharts days={daily.data} />
          ) : (
            <Loading label={t('dashboard.overview.loadingChart')} />
          )}
        </section>
        <div className="overview-side">
          <section className="card" aria-labelledby="top-debtors">
            <h2 id="top-debtors">{t('dashboard.overview.topDebtors')}</h2>
            {overview.data ? (
              <TopDebtors debtors={overview.data.topDebtors} />
            ) : (
              !overview.isError && <Loading />
            )}
          </section>
          <section className="card" aria-labelledby="overdue">
            <h2 id="overdue">{t('dashboard.overview.overdue')}</h2>
            {overdue.isError ? (
              <ErrorState error={overdue.error} onRetry={() => overdue.refetch()} />
            ) : overdue.data ? (
              <OverdueList customers={overdue.data} />
            ) : (
              <Loading />
            )}
          </section>
        </div>
      </div>
    </>
  );
}
