'use client';

import { amountToInput, changedFields, DebtCreateInputSchema, parseAmount } from '@storesync/schema';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useCurrency } from '~/components/currency';
import { Field, TextAreaField } from '~/components/ui/field';
import { MoneyField } from '~/components/ui/money-field';
import { amountMessage } from '~/i18n/errors';
import { useI18n } from '~/i18n/provider';
import { useTRPC } from '~/trpc/react';
import { FormActions } from './form-actions';
import { FormError } from './form-error';
import { useFormErrors } from './use-form-errors';

/** A debt as the form edits it. */
export interface DebtDraft {
  id: string;
  amount: number;
  dueDate: string | null;
  note: string | null;
}

interface DebtFormProps {
  customerId: string;
  /** Given: the form edits this debt, sending only the fields changed. */
  debt?: DebtDraft | undefined;
  onDone: () => void;
  onCancel: () => void;
}

/** Records what a customer now owes, or edits it: an amount, an optional due date and note. */
export function DebtForm({ customerId, debt, onDone, onCancel }: DebtFormProps) {
  const trpc = useTRPC();
  const currency = useCurrency();
  const { t, formatLocale } = useI18n();
  // Untouched (null), an edit shows the debt's amount once the currency is known.
  const [amount, setAmount] = useState<string | null>(debt ? null : '');
  const [dueDate, setDueDate] = useState(debt?.dueDate ?? '');
  const [note, setNote] = useState(debt?.note ?? '');
  const form = useFormErrors(['amount', 'dueDate', 'note']);
  const create = useMutation(trpc.debts.create.mutationOptions());
  const update = useMutation(trpc.debts.update.mutationOptions());
  const shown = amount ?? (debt && currency ? amountToInput(debt.amount, currency, formatLocale) : '');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!currency) return;
    const read = parseAmount(shown, currency, { locale: formatLocale });
    const data = form.check(
      DebtCreateInputSchema,
      {
        customerId,
        amount: read.ok ? read.minor : Number.NaN,
        dueDate: dueDate || null,
        note: note.trim() || null,
      },
      read.ok ? {} : { amount: amountMessage(t, read) },
    );
    if (!data) return;
    const done = { onSuccess: onDone, onError: form.fromServer };
    if (!debt) return create.mutate(data, done);
    const { customerId: _, ...fields } = data;
    const changed = changedFields({ amount: debt.amount, dueDate: debt.dueDate, note: debt.note }, fields);
    if (Object.keys(changed).length === 0) return onDone();
    update.mutate({ id: debt.id, ...changed }, done);
  };

  return (
    <form onSubmit={submit} noValidate>
      <MoneyField
        label={t('dashboard.forms.amountOwed')}
        value={shown}
        onChange={setAmount}
        error={form.errors.amount}
        attempt={form.attempt}
        required
      />
      <Field
        label={t('dashboard.forms.dueDate')}
        type="date"
        value={dueDate}
        onChange={(e) => setDueDate(e.target.value)}
        error={form.errors.dueDate}
        hint={t('dashboard.forms.optional')}
      />
      <TextAreaField
        label={t('dashboard.forms.note')}
        value={note}
        onChange={setNote}
        error={form.errors.note}
      />
      <FormError message={form.errors['']} />
      <FormActions
        label={debt ? t('dashboard.forms.saveDebt') : t('dashboard.forms.recordDebt')}
        pending={create.isPending || update.isPending}
        onCancel={onCancel}
      />
    </form>
  );
}
