import { amountToInput, changedFields, DebtCreateInputSchema, parseAmount } from '@storesync/schema';
import type { Row } from '@storesync/sync-client';
import { useState } from 'react';
import { useBook } from '../book/book-provider';
import { useCurrency } from '../book/currency';
import { useLocale } from '../i18n/locale';
import { DateField } from '../ui/date-field';
import { atDay, dateToDay } from '../ui/date-field-day';
import { Muted, Screen } from '../ui/layout';
import { MoneyField } from '../ui/money-field';
import { useAmountCheck } from './amount-check';
import type { EntryFormProps } from './entry-form-props';
import { FormEnd, NoteField } from './form-parts';
import { useFieldErrors } from './use-field-errors';

interface DebtFormProps extends EntryFormProps<'debts'> {
  customer: Row<'customers'>;
}

/** Records what a customer owes (or corrects a recorded debt), on the day it was taken (back-dating). */
export function DebtForm({ customer, row, draft, onDone, footer }: DebtFormProps) {
  const start = { ...row, ...draft };
  const { book } = useBook();
  const { currency } = useCurrency();
  const { t, tag } = useLocale();
  const [amount, setAmount] = useState(
    start.amount !== undefined ? amountToInput(start.amount, currency, tag) : '',
  );
  const [note, setNote] = useState(start.note ?? '');
  const [dueDate, setDueDate] = useState(start.dueDate ?? '');
  // The day it was taken: today for a new debt (the sync client stamps the moment), else its date.
  const recorded = start.recordedAt ?? row?.createdAt ?? null;
  const [firstDay] = useState(() => dateToDay(recorded ? new Date(recorded) : new Date()));
  const [takenDay, setTakenDay] = useState(firstDay);
  const [tried, setTried] = useState(false);
  const [checkDialog, checkAmount] = useAmountCheck();
  const form = useFieldErrors();

  const save = async () => {
    setTried(true);
    const parsed = parseAmount(amount, currency, { locale: tag });
    if (!parsed.ok) return;
    const data = form.check(DebtCreateInputSchema, {
      customerId: customer.id,
      amount: parsed.minor,
      note: note.trim() || null,
      dueDate: dueDate || null,
    });
    if (!data) return;
    if (data.amount !== row?.amount && !(await checkAmount(data.amount))) return;
    // Only a day moved in the picker changes the date; left alone, it stays as recorded (or now).
    const moved =
      takenDay && takenDay !== firstDay ? atDay(takenDay, recorded ? new Date(recorded) : new Date()) : null;
    await form.write(async () => {
      const fields = {
        amount: data.amount,
        note: data.note ?? null,
        dueDate: data.dueDate ?? null,
        ...(moved && { recordedAt: moved }),
      };
      if (row) await book.debts.update(row.id, changedFields(row, fields));
      else await book.debts.create({ customerId: customer.id, ...fields });
      onDone();
    });
  };

  return (
    <Screen>
      <Muted>{t('forms.owesYou', { name: customer.name })}</Muted>
      <MoneyField
        label={t('forms.amount')}
        value={amount}
        onChangeText={setAmount}
        touched={tried}
        error={form.errors.amount}
      />
      <NoteField
        label={t('forms.whatFor')}
        value={note}
        onChangeText={setNote}
        error={form.errors.note}
        placeholder={t('forms.whatForPlaceholder')}
      />
      <DateField
        label={t('phone.debt.takenOn')}
        value={takenDay}
        onChange={setTakenDay}
        error={form.errors.recordedAt}
        required
      />
      <DateField
        label={t('phone.dates.dueDate')}
        value={dueDate}
        onChange={setDueDate}
        error={form.errors.dueDate}
      />
      <FormEnd
        error={form.errors['']}
        label={row ? t('common.saveChanges') : t('forms.recordDebt')}
        onSave={save}
        busy={form.busy}
        footer={footer}
      />
      {checkDialog}
    </Screen>
  );
}
