import {
  amountToInput,
  balanceOf,
  changedFields,
  creditFromPayment,
  exceedsOwed,
  PaymentCreateInputSchema,
  parseAmount,
} from '@storesync/schema';
import type { Row } from '@storesync/sync-client';
import { useState } from 'react';
import { useBook } from '../book/book-provider';
import { useCurrency } from '../book/currency';
import { useRead } from '../book/reads';
import { useLocale } from '../i18n/locale';
import { useConfirm } from '../ui/confirm';
import { DateField } from '../ui/date-field';
import { atDay, dateToDay } from '../ui/date-field-day';
import { Muted, Screen } from '../ui/layout';
import { MoneyField } from '../ui/money-field';
import { useAmountCheck } from './amount-check';
import type { EntryFormProps } from './entry-form-props';
import { FormEnd, NoteField } from './form-parts';
import { useFieldErrors } from './use-field-errors';

interface PaymentFormProps extends EntryFormProps<'payments'> {
  customer: Row<'customers'>;
}

/** Records a repayment; asks first when it is more than the customer owes (the rest becomes credit). */
export function PaymentForm({ customer, row, draft, onDone, footer }: PaymentFormProps) {
  const start = { ...row, ...draft };
  const { book } = useBook();
  const { currency, money } = useCurrency();
  const { t, tag } = useLocale();
  const [amount, setAmount] = useState(
    start.amount !== undefined ? amountToInput(start.amount, currency, tag) : '',
  );
  const [note, setNote] = useState(start.note ?? '');
  // The day it was paid: today for a new repayment, else its own; moved only when the owner picks another.
  const [firstDay] = useState(() => dateToDay(start.paidAt ? new Date(start.paidAt) : new Date()));
  const [paidDay, setPaidDay] = useState(firstDay);
  const [tried, setTried] = useState(false);
  const [dialog, ask] = useConfirm();
  const [checkDialog, checkAmount] = useAmountCheck();
  const form = useFieldErrors();
  const balance = useRead(`balance:${customer.id}`, (r) => r.balance(customer.id));
  const name = customer.name;

  const save = async () => {
    setTried(true);
    const parsed = parseAmount(amount, currency, { locale: tag });
    if (!parsed.ok || !balance) return;
    const data = form.check(PaymentCreateInputSchema, {
      customerId: customer.id,
      amount: parsed.minor,
      note: note.trim() || null,
    });
    if (!data) return;
    if (data.amount !== row?.amount && !(await checkAmount(data.amount))) return;
    // An edit of a repayment already counted: judge the change against the balance without it.
    const before = row
      ? balanceOf(balance.debts, balance.unpaidSales, balance.payments - row.amount)
      : balance;
    if (exceedsOwed(before, data.amount)) {
      const take = { name, amount: money(data.amount), extra: money(creditFromPayment(before, data.amount)) };
      const ok = await ask({
        title: t('forms.overpaidTitle'),
        message:
          before.owed > 0
            ? t('forms.overpaidOwes', { ...take, owed: money(before.owed) })
            : before.credit > 0
              ? t('forms.overpaidCredit', { ...take, credit: money(before.credit) })
              : t('forms.overpaidNothing', take),
        confirmLabel: t('forms.overpaidConfirm'),
      });
      if (!ok) return;
    }
    const moved =
      paidDay && paidDay !== firstDay ? atDay(paidDay, new Date(start.paidAt ?? Date.now())) : null;
    await form.write(async () => {
      const fields = { amount: data.amount, note: data.note ?? null, ...(moved && { paidAt: moved }) };
      if (row) await book.payments.update(row.id, changedFields(row, fields));
      else
        await book.payments.create({
          customerId: customer.id,
          debtId: null,
          paidAt: new Date().toISOString(),
          ...fields,
        });
      onDone();
    });
  };

  const standing = !balance
    ? ''
    : balance.owed > 0
      ? t('forms.standingOwes', { name, amount: money(balance.owed) })
      : balance.credit > 0
        ? t('forms.standingCredit', { name, amount: money(balance.credit) })
        : t('forms.standingNothing', { name });

  return (
    <Screen>
      <Muted>{standing}</Muted>
      <MoneyField
        label={t('forms.amountRepaid')}
        value={amount}
        onChangeText={setAmount}
        touched={tried}
        error={form.errors.amount}
      />
      <NoteField value={note} onChangeText={setNote} error={form.errors.note} />
      <DateField
        label={t('phone.dates.paidOn')}
        value={paidDay}
        onChange={setPaidDay}
        error={form.errors.paidAt}
        required
      />
      <FormEnd
        error={form.errors['']}
        label={row ? t('common.saveChanges') : t('forms.recordRepayment')}
        onSave={save}
        busy={form.busy}
        footer={footer}
      />
      {dialog}
      {checkDialog}
    </Screen>
  );
}
