'use client';

import type { AppRouter } from '@storesync/api';
import type { inferRouterOutputs } from '@trpc/server';
import { Money, useFormatMoney } from '~/components/currency';
import type { I18n } from '~/i18n/format';
import { useI18n } from '~/i18n/provider';

export type Deleted = inferRouterOutputs<AppRouter>['deleted']['list'][number];

const KIND = { customers: 'customer', debts: 'debt', payments: 'payment', sales: 'sale' } as const;

/** The row's kind as the owner reads it: a write-off is a payment the shop forgave. */
export const kindOf = (r: Deleted) => (r.writeOff ? 'writeOff' : KIND[r.entity]);

/** Whose it is and what it was: "Amina · 0700 111" or "Amina · Rice". */
export function describeDeleted({ t }: I18n, r: Deleted): string {
  const who =
    r.customerName ??
    (r.entity === 'sales' ? t('dashboard.deleted.walkIn') : t('dashboard.deleted.unknownCustomer'));
  return [who, r.detail].filter(Boolean).join(' · ');
}

/** What a deleted customer's entries still hold: owed, credit, or nothing. */
function Held({ net }: { net: number }) {
  const { t, isolate } = useI18n();
  const format = useFormatMoney();
  if (net > 0) return <>{t('dashboard.deleted.owes', { amount: isolate(format(net)) })}</>;
  if (net < 0) return <>{t('dashboard.deleted.credit', { amount: isolate(format(-net)) })}</>;
  return <span className="muted">{t('dashboard.deleted.nothingOwed')}</span>;
}

interface DeletedRowProps {
  row: Deleted;
  busy: boolean;
  onRestore: (row: Deleted) => void;
}

/** One deleted customer or entry, with when it went and a Restore button. */
export function DeletedRow({ row, busy, onRestore }: DeletedRowProps) {
  const i18n = useI18n();
  const { t, dateTime } = i18n;
  const style = row.writeOff ? 'write-off' : row.entity.replace(/s$/, '');
  const kind = kindOf(row);
  const described = describeDeleted(i18n, row);
  const badge = kind === 'customer' ? t('dashboard.deleted.customer') : t(`dashboard.timeline.${kind}`);
  return (
    <li className={`timeline__entry timeline__entry--${style}`}>
      <span className={`badge badge--${style}`}>{badge}</span>
      <div className="timeline__main">
        <bdi className="deleted__what" dir="auto">
          {described}
        </bdi>
        <span className="muted deleted__when">
          {t('dashboard.deleted.deleted', { when: dateTime(row.deletedAt) })}
          {row.entity !== 'customers' &&
            row.customerDeleted &&
            t('dashboard.deleted.restoresToo', { name: row.customerName ?? '' })}
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
        aria-label={t('dashboard.deleted.restoreLabel', { kind, what: described })}
        disabled={busy}
        onClick={() => onRestore(row)}
      >
        {t('common.restore')}
      </button>
    </li>
  );
}
