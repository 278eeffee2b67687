'use client';

import { dayIn, overdueDebts } from '@storesync/schema';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Money, useFormatMoney } from '~/components/currency';
import { RowHistory } from '~/components/history/row-history';
import { ConfirmDialog } from '~/components/ui/confirm-dialog';
import { Dialog } from '~/components/ui/dialog';
import { Empty } from '~/components/ui/states';
import { useTimeZone } from '~/components/use-time-zone';
import { serverMessage } from '~/i18n/errors';
import type { I18n } from '~/i18n/format';
import { useI18n } from '~/i18n/provider';
import { useTRPC } from '~/trpc/react';
import { EditEntry, type Entry, type TimelineCustomer } from './edit-entry';

/** The entry's kind as the owner reads it: a write-off is a payment the shop forgave. */
const kindOf = (e: Entry) => (e.kind === 'payment' && e.payment.kind === 'writeOff' ? 'writeOff' : e.kind);

function describe(
  { t, calendarDay, isolate }: I18n,
  entry: Entry,
  format: (minor: number) => string,
): { amount: number; detail: string } {
  if (entry.kind === 'debt') {
    const due = entry.debt.dueDate
      ? t('dashboard.timeline.due', { day: calendarDay(entry.debt.dueDate) })
      : '';
    return { amount: entry.debt.amount, detail: [entry.debt.note, due].filter(Boolean).join(' · ') };
  }
  if (entry.kind === 'payment') {
    const forgiven = entry.payment.kind === 'writeOff' ? t('dashboard.timeline.writtenOff') : '';
    return { amount: entry.payment.amount, detail: entry.payment.note ?? forgiven };
  }
  const items = entry.sale.items
    .map((i) => t('dashboard.timeline.items', { quantity: i.quantity, name: i.name }))
    .join(', ');
  // A sale's effect on the balance is its unpaid part.
  const unpaid =
    entry.effect > 0 ? ` · ${t('dashboard.timeline.unpaid', { amount: isolate(format(entry.effect)) })}` : '';
  return { amount: entry.sale.total, detail: `${items}${unpaid}` };
}

const idOf = (e: Entry) => (e.kind === 'debt' ? e.debt.id : e.kind === 'payment' ? e.payment.id : e.sale.id);

/** What the customer owed (or held as credit) after an entry. */
function BalanceAfter({ net }: { net: number }) {
  const { t, isolate } = useI18n();
  const format = useFormatMoney();
  if (net > 0) return <>{t('dashboard.timeline.owes', { amount: isolate(format(net)) })}</>;
  if (net < 0) return <>{t('dashboard.timeline.credit', { amount: isolate(format(-net)) })}</>;
  return <>{t('dashboard.timeline.settled')}</>;
}

/**
 * A customer's debts, payments and sales, newest first, each with what the customer owed after
 * it, editable, and deletable after a confirmation.
 */
export function Timeline({ entries, customer }: { entries: Entry[]; customer: TimelineCustomer }) {
  const trpc = useTRPC();
  const format = useFormatMoney();
  const i18n = useI18n();
  const { t, locale, dateTime } = i18n;
  const [deleting, setDeleting] = useState<Entry | null>(null);
  const [editing, setEditing] = useState<Entry | null>(null);
  const [tracing, setTracing] = useState<Entry | null>(null);
  const timeZone = useTimeZone();
  const debts = entries.flatMap((e) => (e.kind === 'debt' ? [e.debt] : []));
  const overdue = timeZone ? overdueDebts(debts, customer.payments, dayIn(timeZone)).byDebt : new Map();
  const debt = useMutation(trpc.debts.delete.mutationOptions());
  const payment = useMutation(trpc.payments.delete.mutationOptions());
  const sale = useMutation(trpc.sales.delete.mutationOptions());
  const remove = deleting ? { debt, payment, sale }[deleting.kind] : null;
  const reminders = useQuery(trpc.reminders.list.queryOptions({ customerId: customer.id })).data ?? [];
  // Each reminder goes before the first entry older than it (both lists are newest first).
  const before = new Map<number, typeof reminders>();
  for (const r of reminders) {
    const at = entries.findIndex((e) => e.at <= r.sentAt);
    const index = at === -1 ? entries.length : at;
    before.set(index, [...(before.get(index) ?? []), r]);
  }
  const reminderRows = (index: number) =>
    (before.get(index) ?? []).map((r) => (
      <li key={`reminder:${r.id}`} className="timeline__entry timeline__entry--reminder">
        <span className="badge">{t('remind.remind')}</span>
        <div className="timeline__main">
          <time dateTime={r.sentAt}>{dateTime(r.sentAt)}</time>
          <bdi className="timeline__detail" dir="auto">
            {t('remind.history', { channel: r.channel, amount: i18n.isolate(format(r.amount)) })}
          </bdi>
        </div>
      </li>
    ));

  if (entries.length === 0 && reminders.length === 0) {
    return <Empty title={t('dashboard.timeline.empty')}>{t('dashboard.timeline.emptyHint')}</Empty>;
  }
  return (
    <>
      <ol className="timeline">
        {entries.map((entry, index) => {
          const { amount, detail } = describe(i18n, entry, format);
          const writeOff = entry.kind === 'payment' && entry.payment.kind === 'writeOff';
          const style = writeOff ? 'write-off' : entry.kind;
          const kind = kindOf(entry);
          const when = dateTime(entry.at);
          return [
            ...reminderRows(index),
            <li key={`${entry.kind}:${idOf(entry)}`} className={`timeline__entry timeline__entry--${style}`}>
              <span className={`badge badge--${style}`}>{t(`dashboard.timeline.${kind}`)}</span>
              <div className="timeline__main">
                <time dateTime={entry.at}>{when}</time>
                {detail && (
                  <bdi className="timeline__detail" dir="auto">
                    {detail}
                  </bdi>
                )}
                {entry.kind === 'debt' && overdue.has(entry.debt.id) && (
                  <span className="overdue-tag">
                    {t('dashboard.timeline.overdue', {
                      amount: i18n.isolate(format(overdue.get(entry.debt.id) ?? 0)),
                    })}
                  </span>
                )}
              </div>
              <div className="timeline__figures">
                <span className="timeline__amount">
                  {entry.kind === 'payment' ? '−' : entry.kind === 'debt' ? '+' : ''}
                  <Money value={amount} />
                </span>
                <span className="timeline__balance">
                  <BalanceAfter net={entry.balance} />
                </span>
              </div>
              <button
                type="button"
                className="icon-button"
                title={t('dashboard.states.history')}
                aria-label={t('dashboard.timeline.historyOf', { kind, when })}
                onClick={() => setTracing(entry)}
              >
                ↺
              </button>
              <button
                type="button"
                className="icon-button"
                title={t('dashboard.states.edit')}
                aria-label={t('dashboard.timeline.changeOf', { kind, when })}
                onClick={() => setEditing(entry)}
              >
                ✎
              </button>
              <button
                type="button"
                className="icon-button"
                aria-label={t('dashboard.timeline.deleteOf', { kind, when })}
                onClick={() => setDeleting(entry)}
              >
                ×
              </button>
            </li>,
          ];
        })}
        {reminderRows(entries.length)}
      </ol>
      <EditEntry entry={editing} customer={customer} onClose={() => setEditing(null)} />
      <Dialog
        open={tracing !== null}
        title={t('dashboard.timeline.historyTitle', { kind: tracing ? kindOf(tracing) : 'other' })}
        onClose={() => setTracing(null)}
      >
        {tracing && <RowHistory entity={`${tracing.kind}s`} id={idOf(tracing)} />}
      </Dialog>
      <ConfirmDialog
        open={deleting !== null}
        title={t('dashboard.timeline.deleteTitle', { kind: deleting ? kindOf(deleting) : 'other' })}
        message={t('dashboard.timeline.deleteMessage')}
        confirmLabel={t('dashboard.states.delete')}
        busy={remove?.isPending}
        error={remove?.error ? serverMessage(t, locale, remove.error) : null}
        onCancel={() => setDeleting(null)}
        onConfirm={() =>
          deleting && remove?.mutate({ id: idOf(deleting) }, { onSuccess: () => setDeleting(null) })
        }
      />
    </>
  );
}
