'use client';

import { useQuery } from '@tanstack/react-query';
import { useFormatMoney } from '~/components/currency';
import { Empty, ErrorState, Loading } from '~/components/ui/states';
import { dateTime } from '~/lib/dates';
import { useTRPC } from '~/trpc/react';
import { fieldLabel, formatValue } from './format-change';

export type HistoryEntity = 'customers' | 'debts' | 'payments' | 'sales';

const KIND = { created: 'Created', edited: 'Changed', deleted: 'Deleted', restored: 'Restored' } as const;

/**
 * A row's history from the change log, newest first: which device, when, and what changed
 * from what to what; a change a later edit overrode is marked, the value that stands is not.
 */
export function RowHistory({ entity, id }: { entity: HistoryEntity; id: string }) {
  const trpc = useTRPC();
  const money = useFormatMoney();
  const history = useQuery(trpc.history.row.queryOptions({ entity, id }));
  if (history.isError) return <ErrorState error={history.error} onRetry={() => history.refetch()} />;
  if (!history.data) return <Loading label="Loading history…" />;
  if (history.data.length === 0) return <Empty title="No changes recorded" />;
  return (
    <ol className="row-history">
      {history.data.map((entry) => (
        <li key={entry.eventId} className="row-history__entry">
          <p className="row-history__who">
            <strong>{KIND[entry.kind]}</strong> on <span className="row-history__device">{entry.device}</span>
            {' · '}
            <time dateTime={entry.editedAt} title={`Received ${dateTime(entry.receivedAt)}`}>
              {dateTime(entry.editedAt)}
            </time>
          </p>
          {entry.changes.length > 0 && (
            <ul className="row-history__changes">
              {entry.changes.map((c) => (
                <li key={c.field} className={c.stands ? undefined : 'row-history__overridden'}>
                  {fieldLabel(c.field)}{' '}
                  {entry.kind !== 'created' && (
                    <>
                      <span className="row-history__from">{formatValue(c.field, c.from, money)}</span> →{' '}
                    </>
                  )}
                  <span className="row-history__to">{formatValue(c.field, c.to, money)}</span>
                  {c.stands ? (
                    <span className="row-history__tag row-history__tag--stands">stands</span>
                  ) : (
                    <span className="row-history__tag">overridden later</span>
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
