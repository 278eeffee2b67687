'use client';

import { PaymentCreateInputSchema } from '@storesync/schema';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Money, useCurrency } from '~/components/currency';
import { Field, TextAreaField } from '~/components/ui/field';
import { MoneyField } from '~/components/ui/money-field';
import { fromDateTimeInput, toDateTimeInput } from '~/lib/dates';
import { minorToInput, parseMoney } from '~/lib/money';
import { useTRPC } from '~/trpc/react';
import { FormActions } from './form-actions';
import { FormError } from './form-error';
import { useFormErrors } from './use-form-errors';

interface PaymentFormProps {
  customerId: string;
  /** What the customer owes now, offered as the amount to settle in full. */
  balance: number;
  onDone: () => void;
  onCancel: () => void;
}

/** Records a repayment: an amount, when it was paid (now by default), a note. */
export function PaymentForm({ customerId, balance, onDone, onCancel }: PaymentFormProps) {
  const trpc = useTRPC();
  const currency = useCurrency();
  const [amount, setAmount] = useState('');
  const [now] = useState(() => toDateTimeInput(new Date()));
  // Untouched, the server stamps the exact time, which keeps the history in order.
  const [paidAt, setPaidAt] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const form = useFormErrors(['amount', 'paidAt', 'note']);
  const create = useMutation(trpc.payments.create.mutationOptions());

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!currency) return;
    const data = form.check(PaymentCreateInputSchema, {
      customerId,
      amount: parseMoney(amount, currency) ?? Number.NaN,
      paidAt: paidAt === null ? undefined : fromDateTimeInput(paidAt),
      note: note.trim() || null,
    });
    if (data) create.mutate(data, { onSuccess: onDone, onError: form.fromServer });
  };

  return (
    <form onSubmit={submit} noValidate>
      <MoneyField
        label="Amount paid"
        value={amount}
        onChange={setAmount}
        error={form.errors.amount}
        required
      />
      {balance > 0 && currency && (
        <p className="field__hint">
          Owes <Money value={balance} />.{' '}
          <button
            type="button"
            className="link-button"
            onClick={() => setAmount(minorToInput(balance, currency))}
          >
            Pay in full
          </button>
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
