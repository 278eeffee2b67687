'use client';

import { dayIn, overdueDebts } from '@storesync/schema';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Money, useFormatMoney } from '~/components/currency';
import { RowHistory } from '~/components/history/row-history';
import { ConfirmDialog } from '~/components/ui/confirm-dialog';
import { Dialog } from '~/components/ui/dialog';
import { Empty } from '~/components/ui/states';
import { useTimeZone } from '~/components/use-time-zone';
import { calendarDay, dateTime } from '~/lib/dates';
import { useTRPC } from '~/trpc/react';
import { EditEntry, type Entry, type TimelineCustomer } from './edit-entry';

const KIND = { debt: 'Debt', payment: 'Payment', sale: 'Sale' } as const;

/** The entry's name as the owner reads it: a write-off is a payment the shop forgave. */
const kindOf = (e: Entry): string =>
  e.kind === 'payment' && e.payment.kind === 'writeOff' ? 'Write-off' : KIND[e.kind];

function describe(entry: Entry, format: (minor: number) => string): { amount: number; detail: string } {
  if (entry.kind === 'debt') {
    const due = entry.debt.dueDate ? `due ${calendarDay(entry.debt.dueDate)}` : '';
    return { amount: entry.debt.amount, detail: [entry.debt.note, due].filter(Boolean).join(' · ') };
  }
  if (entry.kind === 'payment') {
    const forgiven = entry.payment.kind === 'writeOff' ? 'Written off: no money received' : '';
    return { amount: entry.payment.amount, detail: entry.payment.note ?? forgiven };
  }
  const items = entry.sale.items.map((i) => `${i.quantity} × ${i.name}`).join(', ');
  // A sale's effect on the balance is its unpaid part.
  const unpaid = entry.effect > 0 ? ` · ${format(entry.effect)} unpaid` : '';
  return { amount: entry.sale.total, detail: `${items}${unpaid}` };
}

const idOf = (e: Entry) => (e.kind === 'debt' ? e.debt.id : e.kind === 'payment' ? e.payment.id : e.sale.id);

/** What the customer owed (or held as credit) after an entry. */
function BalanceAfter({ net }: { net: number }) {
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
  return <>settled</>;
}

/**
 * A customer's debts, payments and sales, newest first, each with what the customer owed after
 * it, editable, and deletable after a confirmation.
 */
export function Timeline({ entries, customer }: { entries: Entry[]; customer: TimelineCustomer }) {
  const trpc = useTRPC();
  const format = useFormatMoney();
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

  if (entries.length === 0) {
    return <Empty title="Nothing recorded yet">Record a debt, a payment or a sale above.</Empty>;
  }
  return (
    <>
      <ol className="timeline">
        {entries.map((entry) => {
          const { amount, detail } = describe(entry, format);
          const writeOff = entry.kind === 'payment' && entry.payment.kind === 'writeOff';
          const style = writeOff ? 'write-off' : entry.kind;
          const name = kindOf(entry);
          return (
            <li key={`${entry.kind}:${idOf(entry)}`} className={`timeline__entry timeline__entry--${style}`}>
              <span className={`badge badge--${style}`}>{name}</span>
              <div className="timeline__main">
                <time dateTime={entry.at}>{dateTime(entry.at)}</time>
                {detail && <span className="timeline__detail">{detail}</span>}
                {entry.kind === 'debt' && overdue.has(entry.debt.id) && (
                  <span className="overdue-tag">
                    Overdue · <Money value={overdue.get(entry.debt.id) ?? 0} /> unpaid
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
                title="History"
                aria-label={`History of ${name.toLowerCase()} of ${dateTime(entry.at)}`}
                onClick={() => setTracing(entry)}
              >
                ↺
              </button>
              <button
                type="button"
                className="icon-button"
                title="Edit"
                aria-label={`Change ${name.toLowerCase()} of ${dateTime(entry.at)}`}
                onClick={() => setEditing(entry)}
              >
                ✎
              </button>
              <button
                type="button"
                className="icon-button"
                aria-label={`Delete ${name.toLowerCase()} of ${dateTime(entry.at)}`}
                onClick={() => setDeleting(entry)}
              >
                ×
              </button>
            </li>
          );
        })}
      </ol>
      <EditEntry entry={editing} customer={customer} onClose={() => setEditing(null)} />
      <Dialog
        open={tracing !== null}
        title={`History of this ${tracing ? kindOf(tracing).toLowerCase() : 'entry'}`}
        onClose={() => setTracing(null)}
      >
        {tracing && <RowHistory entity={`${tracing.kind}s`} id={idOf(tracing)} />}
      </Dialog>
      <ConfirmDialog
        open={deleting !== null}
        title={`Delete this ${deleting ? kindOf(deleting).toLowerCase() : 'entry'}?`}
        message="It is removed here and from every device at its next sync."
        confirmLabel="Delete"
        busy={remove?.isPending}
        error={remove?.error?.message ?? null}
        onCancel={() => setDeleting(null)}
        onConfirm={() =>
          deleting && remove?.mutate({ id: idOf(deleting) }, { onSuccess: () => setDeleting(null) })
        }
      />
    </>
  );
}
