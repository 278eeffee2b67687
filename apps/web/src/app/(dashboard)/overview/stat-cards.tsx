'use client';

import { Money, useFormatMoney } from '~/components/currency';
import { useI18n } from '~/i18n/provider';

interface Figures {
  outstanding: number;
  credit: number;
  customersOwing: number;
  salesToday: { count: number; total: number };
  salesThisWeek: { count: number; total: number; since: string };
}

/** The four headline figures of the overview. */
export function StatCards({ figures }: { figures: Figures }) {
  const { t, shortDay, number, isolate } = useI18n();
  const format = useFormatMoney();
  const week = figures.salesThisWeek;
  return (
    <dl className="stats">
      <div className="stat stat--accent">
        <dt>{t('dashboard.overview.outstanding')}</dt>
        <dd>
          <Money value={figures.outstanding} />
        </dd>
        <dd className="stat__note" data-testid="credit-held">
          {figures.credit > 0
            ? t('dashboard.overview.owedToYou', { amount: isolate(format(figures.credit)) })
            : t('dashboard.overview.outstandingNote')}
        </dd>
      </div>
      <div className="stat">
        <dt>{t('dashboard.overview.customersOwing')}</dt>
        <dd>{number(figures.customersOwing)}</dd>
        <dd className="stat__note">{t('dashboard.overview.whoOweAnything')}</dd>
      </div>
      <div className="stat">
        <dt>{t('dashboard.overview.salesToday')}</dt>
        <dd>
          <Money value={figures.salesToday.total} />
        </dd>
        <dd className="stat__note">
          {t('dashboard.overview.salesCount', { count: figures.salesToday.count })}
        </dd>
      </div>
      <div className="stat">
        <dt>{t('dashboard.overview.salesThisWeek')}</dt>
        <dd>
          <Money value={week.total} />
        </dd>
        <dd className="stat__note">
          {week.since
            ? t('dashboard.overview.salesSince', { count: week.count, day: shortDay(week.since) })
            : t('dashboard.overview.salesCount', { count: week.count })}
        </dd>
      </div>
    </dl>
  );
}
