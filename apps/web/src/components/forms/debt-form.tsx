'use client';

import { DebtCreateInputSchema, parseAmount } from '@storesync/schema';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useCurrency } from '~/components/currency';
import { Field, TextAreaField } from '~/components/ui/field';
import { MoneyField } from '~/components/ui/money-field';
import { useTRPC } from '~/trpc/react';
import { FormActions } from './form-actions';
import { FormError } from './form-error';
import { useFormErrors } from './use-form-errors';

interface LedgerFormProps {
  customerId: string;
  onDone: () => void;
  onCancel: () => void;
}

/** Records what a customer now owes: an amount, an optional due date and note. */
export function DebtForm({ customerId, onDone, onCancel }: LedgerFormProps) {
  const trpc = useTRPC();
  const currency = useCurrency();
  const [amount, setAmount] = useState('');
  const [dueDate, setDueDate] = useState('');
  const [note, setNote] = useState('');
  const form = useFormErrors(['amount', 'dueDate', 'note']);
  const create = useMutation(trpc.debts.create.mutationOptions());

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!currency) return;
    const read = parseAmount(amount, currency);
    const data = form.check(
      DebtCreateInputSchema,
      {
        customerId,
        amount: read.ok ? read.minor : Number.NaN,
        dueDate: dueDate || null,
        note: note.trim() || null,
      },
      read.ok ? {} : { amount: read.error },
    );
    if (data) create.mutate(data, { onSuccess: onDone, onError: form.fromServer });
  };

  return (
    <form onSubmit={submit} noValidate>
      <MoneyField
        label="Amount owed"
        value={amount}
        onChange={setAmount}
        error={form.errors.amount}
        attempt={form.attempt}
        required
      />
      <Field
        label="Due date"
        type="date"
        value={dueDate}
        onChange={(e) => setDueDate(e.target.value)}
        error={form.errors.dueDate}
        hint="Optional"
      />
      <TextAreaField label="Note" value={note} onChange={setNote} error={form.errors.note} />
      <FormError message={form.errors['']} />
      <FormActions label={'Record debt'} pending={create.isPending} onCancel={onCancel} />
    </form>
  );
}
