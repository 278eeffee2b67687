'use client';

import type { AppRouter } from '@storesync/api';
import type { inferRouterOutputs } from '@trpc/server';
import { Money } from '~/components/currency';
import { dateTime } from '~/lib/dates';

export type Deleted = inferRouterOutputs<AppRouter>['deleted']['list'][number];

const KIND = { customers: 'Customer', debts: 'Debt', payments: 'Payment', sales: 'Sale' } as const;

/** The row's name as the owner reads it: a write-off is a payment the shop forgave. */
export const kindOf = (r: Deleted): string => (r.writeOff ? 'Write-off' : KIND[r.entity]);

/** Whose it is and what it was: "Amina · 0700 111" or "Amina · Rice". */
export function describeDeleted(r: Deleted): string {
  const who = r.customerName ?? (r.entity === 'sales' ? 'Walk-in sale' : 'Unknown customer');
  return [who, r.detail].filter(Boolean).join(' · ');
}

/** What a deleted customer's entries still hold: owed, credit, or nothing. */
function Held({ net }: { net: number }) {
  if (net > 0)
    return (
      <>
        owes <Money value={net} />
      </>
    );
  if (net < 0)
    return (
      <>
        credit <Money value={-net} />
      </>
    );
  return <span className="muted">nothing owed</span>;
}

interface DeletedRowProps {
  row: Deleted;
  busy: boolean;
  onRestore: (row: Deleted) => void;
}

/** One deleted customer or entry, with when it went and a Restore button. */
export function DeletedRow({ row, busy, onRestore }: DeletedRowProps) {
  const style = row.writeOff ? 'write-off' : row.entity.replace(/s$/, '');
  const name = kindOf(row);
  const described = describeDeleted(row);
  return (
    <li className={`timeline__entry timeline__entry--${style}`}>
      <span className={`badge badge--${style}`}>{name}</span>
      <div className="timeline__main">
        <span className="deleted__what">{described}</span>
        <span className="muted deleted__when">
          Deleted <time dateTime={row.deletedAt}>{dateTime(row.deletedAt)}</time>
          {row.entity !== 'customers' && row.customerDeleted && ` · restores ${row.customerName} too`}
        </span>
      </div>
      <div className="timeline__figures">
        <span className="timeline__amount">
          {row.entity === 'customers' ? <Held net={row.amount} /> : <Money value={row.amount} />}
        </span>
      </div>
      <button
        type="button"
        className="button button--small"
        aria-label={`Restore ${name.toLowerCase()}: ${described}`}
        disabled={busy}
        onClick={() => onRestore(row)}
      >
        Restore
      </button>
    </li>
  );
}
