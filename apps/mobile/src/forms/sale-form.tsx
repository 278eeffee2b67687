import {
  amountToInput,
  changedFields,
  parseAmount,
  parseQuantity,
  quantityToInput,
  SaleCreateInputSchema,
  saleTotal,
} from '@storesync/schema';
import { useState } from 'react';
import { StyleSheet, Switch, Text, View } from 'react-native';
import { useBook } from '../book/book-provider';
import { useCurrency } from '../book/currency';
import { useLocale } from '../i18n/locale';
import { amountError } from '../ui/amount-text';
import { DateField } from '../ui/date-field';
import { atDay, dateToDay } from '../ui/date-field-day';
import { Screen } from '../ui/layout';
import { MoneyField } from '../ui/money-field';
import { colors, space } from '../ui/theme';
import { useAmountCheck } from './amount-check';
import { CustomerPicker } from './customer-picker';
import type { EntryFormProps } from './entry-form-props';
import { FormError } from './form-error';
import { FormEnd, NoteField } from './form-parts';
import { emptyLine, type LineDraft, LineItems } from './line-items';
import { useFieldErrors } from './use-field-errors';

interface SaleFormProps extends EntryFormProps<'sales'> {
  customerId?: string | undefined;
}

/** A sale: line items with a live total, paid in full or partly on credit to a customer. */
export function SaleForm({ customerId, row, draft, onDone, footer }: SaleFormProps) {
  const start = { ...row, ...draft };
  const { book } = useBook();
  const { currency, money } = useCurrency();
  const { t, tag, alignStart } = useLocale();
  const [lines, setLines] = useState<LineDraft[]>(() =>
    start.items
      ? start.items.map((i) => ({
          ...emptyLine(),
          name: i.name,
          quantity: quantityToInput(i.quantity, tag),
          unitPrice: amountToInput(i.unitPrice, currency, tag),
        }))
      : [emptyLine()],
  );
  const [buyer, setBuyer] = useState<string | null>(
    start.customerId !== undefined ? start.customerId : (customerId ?? null),
  );
  const [paidInFull, setPaidInFull] = useState(
    start.paidAmount !== undefined && start.total !== undefined ? start.paidAmount >= start.total : true,
  );
  const [paid, setPaid] = useState(
    start.paidAmount !== undefined ? amountToInput(start.paidAmount, currency, tag) : '',
  );
  const [note, setNote] = useState(start.note ?? '');
  // The day it was sold: today for a new sale, else its own; moved only when the owner picks another.
  const [firstDay] = useState(() => dateToDay(start.soldAt ? new Date(start.soldAt) : new Date()));
  const [soldDay, setSoldDay] = useState(firstDay);
  const form = useFieldErrors();
  const [checkDialog, checkAmount] = useAmountCheck();

  const prices = lines.map((l) => parseAmount(l.unitPrice, currency, { allowZero: true, locale: tag }));
  const quantities = lines.map((l) => parseQuantity(l.quantity, { locale: tag }));
  const items = lines.map((l, i) => {
    const [price, quantity] = [prices[i], quantities[i]];
    return {
      name: l.name,
      quantity: quantity?.ok ? quantity.quantity : Number.NaN,
      unitPrice: price?.ok ? price.minor : Number.NaN,
    };
  });
  const lineTotals = items.map((i) =>
    Number.isFinite(i.quantity) && Number.isFinite(i.unitPrice) ? saleTotal([i]) : null,
  );
  const total = lineTotals.reduce<number>((sum, t) => sum + (t ?? 0), 0);

  const save = async () => {
    const paidParsed = parseAmount(paid, currency, { allowZero: true, locale: tag });
    const paidAmount = paidInFull ? total : paidParsed.ok ? paidParsed.minor : Number.NaN;
    const data = form.check(SaleCreateInputSchema, {
      items,
      paidAmount,
      customerId: buyer,
      note: note.trim() || null,
    });
    if (!data) {
      // The parser says why an amount can't be read; the schema would only say "Enter an amount".
      const unreadable = Object.fromEntries(
        prices.flatMap((p, i) => (p.ok ? [] : [[`items.${i}.unitPrice`, amountError(t, p)]])),
      );
      // A blank quantity is the schema's "Enter a quantity"; the parser says why other text isn't one.
      quantities.forEach((q, i) => {
        if (!q.ok && q.code !== 'empty') unreadable[`items.${i}.quantity`] = amountError(t, q);
      });
      if (!paidInFull && !paidParsed.ok) unreadable.paidAmount = amountError(t, paidParsed);
      form.setErrors((e) => ({ ...e, ...unreadable }));
      return;
    }
    const saleSum = saleTotal(data.items);
    // A sale of nothing is a slip (a price left at 0), not a sale: say so rather than save it.
    if (saleSum === 0) {
      form.setErrors({ items: t('phone.check.saleZero') });
      return;
    }
    if (data.paidAmount < saleSum && !data.customerId) {
      form.setErrors({ customerId: t('forms.whoOwesRest') });
      return;
    }
    if (saleSum !== row?.total && !(await checkAmount(saleSum))) return;
    const moved =
      soldDay && soldDay !== firstDay ? atDay(soldDay, new Date(start.soldAt ?? Date.now())) : null;
    await form.write(async () => {
      const fields = {
        items: data.items,
        total: saleTotal(data.items),
        paidAmount: data.paidAmount,
        customerId: data.customerId ?? null,
        note: data.note ?? null,
        ...(moved && { soldAt: moved }),
      };
      if (row) await book.sales.update(row.id, changedFields(row, fields));
      else await book.sales.create({ soldAt: new Date().toISOString(), ...fields });
      onDone();
    });
  };

  return (
    <Screen>
      <LineItems lines={lines} lineTotals={lineTotals} errors={form.errors} onChange={setLines} />
      <View style={styles.total}>
        <Text style={[styles.totalLabel, alignStart]}>{t('forms.total')}</Text>
        <Text
          accessibilityLabel={t('forms.totalLabel', { amount: money(total) })}
          testID="sale-total"
          style={styles.totalValue}
        >
          {money(total)}
        </Text>
      </View>
      {form.errors.items ? <FormError message={form.errors.items} /> : null}
      <View style={styles.switchRow}>
        <Text style={[styles.switchLabel, alignStart]}>{t('forms.paidInFull')}</Text>
        <Switch accessibilityLabel={t('forms.paidInFull')} value={paidInFull} onValueChange={setPaidInFull} />
      </View>
      {!paidInFull ? (
        <MoneyField
          label={t('forms.paidNow')}
          value={paid}
          onChangeText={setPaid}
          allowZero
          error={form.errors.paidAmount}
        />
      ) : null}
      {paidInFull && form.errors.paidAmount ? <FormError message={form.errors.paidAmount} /> : null}
      <CustomerPicker value={buyer} onChange={setBuyer} error={form.errors.customerId} />
      <NoteField value={note} onChangeText={setNote} error={form.errors.note} />
      <DateField
        label={t('phone.dates.soldOn')}
        value={soldDay}
        onChange={setSoldDay}
        error={form.errors.soldAt}
        required
      />
      <FormEnd
        error={form.errors['']}
        label={row ? t('common.saveChanges') : t('forms.recordSale')}
        onSave={save}
        busy={form.busy}
        footer={footer}
      />
      {checkDialog}
    </Screen>
  );
}

const styles = StyleSheet.create({
  total: {
    flexDirection: 'row',
    justifyContent: 'space-between',
    alignItems: 'baseline',
    paddingVertical: space.sm,
  },
  totalLabel: { fontSize: 18, fontWeight: '600', color: colors.text },
  totalValue: { fontSize: 24, fontWeight: '700', color: colors.text },
  switchRow: { flexDirection: 'row', justifyContent: 'space-between', alignItems: 'center' },
  switchLabel: { fontSize: 16, color: colors.text },
});
