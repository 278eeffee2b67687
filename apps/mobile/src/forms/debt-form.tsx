import { amountToInput, DebtCreateInputSchema, parseAmount } from '@storesync/schema';
import type { Row } from '@storesync/sync-client';
import { useState } from 'react';
import { useBook } from '../book/book-provider';
import { useCurrency } from '../book/currency';
import { Muted, Screen } from '../ui/layout';
import { MoneyField } from '../ui/money-field';
import { TextField } from '../ui/text-field';
import type { EntryFormProps } from './entry-form-props';
import { FormEnd, NoteField } from './form-parts';
import { changedFields, useFieldErrors } from './use-field-errors';

interface DebtFormProps extends EntryFormProps<'debts'> {
  customer: Row<'customers'>;
}

/** Records what a customer owes (or corrects a recorded debt). */
export function DebtForm({ customer, row, draft, onDone, footer }: DebtFormProps) {
  const start = { ...row, ...draft };
  const { book } = useBook();
  const { currency } = useCurrency();
  const [amount, setAmount] = useState(
    start.amount !== undefined ? amountToInput(start.amount, currency) : '',
  );
  const [note, setNote] = useState(start.note ?? '');
  const [dueDate, setDueDate] = useState(start.dueDate ?? '');
  const [tried, setTried] = useState(false);
  const form = useFieldErrors();

  const save = async () => {
    setTried(true);
    const parsed = parseAmount(amount, currency);
    if (!parsed.ok) return;
    const data = form.check(DebtCreateInputSchema, {
      customerId: customer.id,
      amount: parsed.minor,
      note: note.trim() || null,
      dueDate: dueDate.trim() || null,
    });
    if (!data) return;
    await form.write(async () => {
      const fields = { amount: data.amount, note: data.note ?? null, dueDate: data.dueDate ?? null };
      if (row) await book.debts.update(row.id, changedFields(row, fields));
      else await book.debts.create({ customerId: customer.id, ...fields });
      onDone();
    });
  };

  return (
    <Screen>
      <Muted>{`${customer.name} owes you`}</Muted>
      <MoneyField
        label="Amount"
        value={amount}
        onChangeText={setAmount}
        touched={tried}
        error={form.errors.amount}
      />
      <NoteField
        label="What for (optional)"
        value={note}
        onChangeText={setNote}
        error={form.errors.note}
        placeholder="e.g. sugar, 2 kg"
      />
      <TextField
        label="Due date (optional, YYYY-MM-DD)"
        value={dueDate}
        onChangeText={setDueDate}
        error={form.errors.dueDate}
        placeholder="2026-12-31"
        maxLength={10}
      />
      <FormEnd
        error={form.errors['']}
        label={row ? 'Save changes' : 'Record debt'}
        onSave={save}
        busy={form.busy}
        footer={footer}
      />
    </Screen>
  );
}
