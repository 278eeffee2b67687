'use client';

import { useQuery } from '@tanstack/react-query';
import { useFormatMoney } from '~/components/currency';
import { Empty, ErrorState, Loading } from '~/components/ui/states';
import { useI18n } from '~/i18n/provider';
import { useTRPC } from '~/trpc/react';
import { fieldLabel, formatValue } from './format-change';

export type HistoryEntity = 'customers' | 'debts' | 'payments' | 'sales';

/**
 * A row's history from the change log, newest first: which device, when, and what changed
 * from what to what; a change a later edit overrode is marked, the value that stands is not.
 */
export function RowHistory({ entity, id }: { entity: HistoryEntity; id: string }) {
  const trpc = useTRPC();
  const money = useFormatMoney();
  const i18n = useI18n();
  const { t, dateTime } = i18n;
  const history = useQuery(trpc.history.row.queryOptions({ entity, id }));
  if (history.isError) return <ErrorState error={history.error} onRetry={() => history.refetch()} />;
  if (!history.data) return <Loading label={t('dashboard.history.loading')} />;
  if (history.data.length === 0) return <Empty title={t('dashboard.history.none')} />;
  return (
    <ol className="row-history">
      {history.data.map((entry) => (
        <li key={entry.eventId} className="row-history__entry">
          <p className="row-history__who">
            <strong>{t(`dashboard.history.${entry.kind}`)}</strong>
            {t('dashboard.history.on')}
            <bdi className="row-history__device">{entry.device}</bdi>
            {' · '}
            <time
              dateTime={entry.editedAt}
              title={t('dashboard.history.received', { when: dateTime(entry.receivedAt) })}
            >
              {dateTime(entry.editedAt)}
            </time>
          </p>
          {entry.changes.length > 0 && (
            <ul className="row-history__changes">
              {entry.changes.map((c) => (
                <li key={c.field} className={c.stands ? undefined : 'row-history__overridden'}>
                  {fieldLabel(i18n, c.field)}{' '}
                  {entry.kind !== 'created' && entry.kind !== 'compacted' && (
                    <>
                      <span className="row-history__from">{formatValue(i18n, c.field, c.from, money)}</span> →{' '}
                    </>
                  )}
                  <span className="row-history__to">{formatValue(i18n, c.field, c.to, money)}</span>
                  {c.stands ? (
                    <span className="row-history__tag row-history__tag--stands">
                      {t('dashboard.history.stands')}
                    </span>
                  ) : (
                    <span className="row-history__tag">{t('dashboard.history.overridden')}</span>
                  )}
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}
