'use client';

import type { AppRouter } from '@storesync/api';
import { useMutation } from '@tanstack/react-query';
import type { inferRouterOutputs } from '@trpc/server';
import { useState } from 'react';
import { Money, useFormatMoney } from '~/components/currency';
import { ConfirmDialog } from '~/components/ui/confirm-dialog';
import { Empty } from '~/components/ui/states';
import { dateTime } from '~/lib/dates';
import { useTRPC } from '~/trpc/react';

type Entry = inferRouterOutputs<AppRouter>['customers']['timeline'][number];

const KIND = { debt: 'Debt', payment: 'Payment', sale: 'Sale' } as const;

function describe(entry: Entry, format: (minor: number) => string): { amount: number; detail: string } {
  if (entry.kind === 'debt') {
    const due = entry.debt.dueDate ? `due ${entry.debt.dueDate}` : '';
    return { amount: entry.debt.amount, detail: [entry.debt.note, due].filter(Boolean).join(' · ') };
  }
  if (entry.kind === 'payment') return { amount: entry.payment.amount, detail: entry.payment.note ?? '' };
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
 * it, and deletable after a confirmation.
 */
export function Timeline({ entries }: { entries: Entry[] }) {
  const trpc = useTRPC();
  const format = useFormatMoney();
  const [deleting, setDeleting] = useState<Entry | null>(null);
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
          return (
            <li
              key={`${entry.kind}:${idOf(entry)}`}
              className={`timeline__entry timeline__entry--${entry.kind}`}
            >
              <span className={`badge badge--${entry.kind}`}>{KIND[entry.kind]}</span>
              <div className="timeline__main">
                <time dateTime={entry.at}>{dateTime(entry.at)}</time>
                {detail && <span className="timeline__detail">{detail}</span>}
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
                aria-label={`Delete ${KIND[entry.kind].toLowerCase()} of ${dateTime(entry.at)}`}
                onClick={() => setDeleting(entry)}
              >
                ×
              </button>
            </li>
          );
        })}
      </ol>
      <ConfirmDialog
        open={deleting !== null}
        title={`Delete this ${deleting ? KIND[deleting.kind].toLowerCase() : 'entry'}?`}
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
