'use client';

import {
  amountToInput,
  type Balance,
  exceedsOwed,
  formatMoney,
  overpaymentQuestion,
  PaymentCreateInputSchema,
  parseAmount,
} from '@storesync/schema';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { z } from 'zod';
import { Money, useCurrency } from '~/components/currency';
import { Field, TextAreaField } from '~/components/ui/field';
import { MoneyField } from '~/components/ui/money-field';
import { fromDateTimeInput, toDateTimeInput } from '~/lib/dates';
import { useTRPC } from '~/trpc/react';
import { FormActions } from './form-actions';
import { FormError } from './form-error';
import { useFormErrors } from './use-form-errors';

type PaymentInput = z.output<typeof PaymentCreateInputSchema>;

interface PaymentFormProps {
  customer: { id: string; name: string };
  /** What the customer owes now: offered as the amount to settle in full, and asked about when exceeded. */
  balance: Balance;
  onDone: () => void;
  onCancel: () => void;
}

/**
 * Records a repayment: an amount, when it was paid (now by default), a note. More than
 * is owed is taken only once the owner confirms it, the rest kept as the customer's credit.
 */
export function PaymentForm({ customer, balance, onDone, onCancel }: PaymentFormProps) {
  const trpc = useTRPC();
  const currency = useCurrency();
  const [amount, setAmount] = useState('');
  const [now] = useState(() => toDateTimeInput(new Date()));
  // Untouched, the server stamps the exact time, which keeps the history in order.
  const [paidAt, setPaidAt] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [asking, setAsking] = useState<PaymentInput | null>(null);
  const form = useFormErrors(['amount', 'paidAt', 'note']);
  const create = useMutation(trpc.payments.create.mutationOptions());
  const save = (data: PaymentInput) => create.mutate(data, { onSuccess: onDone, onError: form.fromServer });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!currency) return;
    const read = parseAmount(amount, currency);
    const data = form.check(
      PaymentCreateInputSchema,
      {
        customerId: customer.id,
        amount: read.ok ? read.minor : Number.NaN,
        paidAt: paidAt === null ? undefined : fromDateTimeInput(paidAt),
        note: note.trim() || null,
      },
      read.ok ? {} : { amount: read.error },
    );
    if (!data) return;
    if (exceedsOwed(balance, data.amount)) setAsking(data);
    else save(data);
  };

  if (asking && currency) {
    return (
      <div role="alertdialog" aria-labelledby="overpayment" className="confirm-panel">
        <p id="overpayment">{overpaymentQuestion(customer.name, balance, asking.amount, currency)}</p>
        <FormError message={form.errors[''] ?? form.errors.amount} />
        <div className="form-actions">
          {/* biome-ignore lint/a11y/noAutofocus: the safe choice takes the focus in a confirmation */}
          <button type="button" className="button" onClick={() => setAsking(null)} autoFocus>
            Change amount
          </button>
          <button
            type="button"
            className="button button--primary"
            disabled={create.isPending}
            onClick={() => save(asking)}
          >
            {create.isPending ? 'Saving…' : `Take ${formatMoney(asking.amount, currency)}`}
          </button>
        </div>
      </div>
    );
  }

  return (
    <form onSubmit={submit} noValidate>
      <MoneyField
        label="Amount paid"
        value={amount}
        onChange={setAmount}
        error={form.errors.amount}
        attempt={form.attempt}
        required
      />
      {currency && (
        <p className="field__hint">
          {balance.owed > 0 ? (
            <>
              Owes <Money value={balance.owed} />.{' '}
              <button
                type="button"
                className="link-button"
                onClick={() => setAmount(amountToInput(balance.owed, currency))}
              >
                Pay in full
              </button>
            </>
          ) : (
            <>
              Owes nothing
              {balance.credit > 0 && (
                <>
                  {' '}
                  and has <Money value={balance.credit} /> credit
                </>
              )}
              : a payment is kept as credit.
            </>
          )}
        </p>
      )}
      <Field
        label="Paid at"
        type="datetime-local"
        value={paidAt ?? now}
        onChange={(e) => setPaidAt(e.target.value)}
        error={form.errors.paidAt}
      />
      <TextAreaField label="Note" value={note} onChange={setNote} error={form.errors.note} />
      <FormError message={form.errors['']} />
      <FormActions label={'Record payment'} pending={create.isPending} onCancel={onCancel} />
    </form>
  );
}
