import {
  amountToInput,
  balanceOf,
  exceedsOwed,
  overpaymentQuestion,
  PaymentCreateInputSchema,
  parseAmount,
} from '@storesync/schema';
import type { Row } from '@storesync/sync-client';
import { useState } from 'react';
import { useBook } from '../book/book-provider';
import { useCurrency } from '../book/currency';
import { useRead } from '../book/reads';
import { useConfirm } from '../ui/confirm';
import { Muted, Screen } from '../ui/layout';
import { MoneyField } from '../ui/money-field';
import type { EntryFormProps } from './entry-form-props';
import { FormEnd, NoteField } from './form-parts';
import { changedFields, useFieldErrors } from './use-field-errors';

interface PaymentFormProps extends EntryFormProps<'payments'> {
  customer: Row<'customers'>;
}

/** Records a repayment; asks first when it is more than the customer owes (the rest becomes credit). */
export function PaymentForm({ customer, row, draft, onDone, footer }: PaymentFormProps) {
  const start = { ...row, ...draft };
  const { book } = useBook();
  const { currency, money } = useCurrency();
  const [amount, setAmount] = useState(
    start.amount !== undefined ? amountToInput(start.amount, currency) : '',
  );
  const [note, setNote] = useState(start.note ?? '');
  const [tried, setTried] = useState(false);
  const [dialog, ask] = useConfirm();
  const form = useFieldErrors();
  const balance = useRead(`balance:${customer.id}`, (r) => r.balance(customer.id));

  const save = async () => {
    setTried(true);
    const parsed = parseAmount(amount, currency);
    if (!parsed.ok || !balance) return;
    const data = form.check(PaymentCreateInputSchema, {
      customerId: customer.id,
      amount: parsed.minor,
      note: note.trim() || null,
    });
    if (!data) return;
    // An edit of a repayment already counted: judge the change against the balance without it.
    const before = row
      ? balanceOf(balance.debts, balance.unpaidSales, balance.payments - row.amount)
      : balance;
    if (exceedsOwed(before, data.amount)) {
      const ok = await ask({
        title: 'More than is owed',
        message: overpaymentQuestion(customer.name, before, data.amount, currency),
        confirmLabel: 'Take it and keep the credit',
      });
      if (!ok) return;
    }
    await form.write(async () => {
      const fields = { amount: data.amount, note: data.note ?? null };
      if (row) await book.payments.update(row.id, changedFields(row, fields));
      else
        await book.payments.create({
          customerId: customer.id,
          ...fields,
          debtId: null,
          paidAt: new Date().toISOString(),
        });
      onDone();
    });
  };

  const standing = !balance
    ? ''
    : balance.owed > 0
      ? `${customer.name} owes ${money(balance.owed)}`
      : balance.credit > 0
        ? `${customer.name} has ${money(balance.credit)} credit`
        : `${customer.name} owes nothing`;

  return (
    <Screen>
      <Muted>{standing}</Muted>
      <MoneyField
        label="Amount repaid"
        value={amount}
        onChangeText={setAmount}
        touched={tried}
        error={form.errors.amount}
      />
      <NoteField value={note} onChangeText={setNote} error={form.errors.note} />
      <FormEnd
        error={form.errors['']}
        label={row ? 'Save changes' : 'Record repayment'}
        onSave={save}
        busy={form.busy}
        footer={footer}
      />
      {dialog}
    </Screen>
  );
}
