'use client';

import {
  amountToInput,
  changedFields,
  parseAmount,
  parseQuantity,
  quantityToInput,
  SaleCreateInputSchema,
  type SaleItem,
  saleTotal,
} from '@storesync/schema';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useCurrency, useFormatMoney } from '~/components/currency';
import { Field, TextAreaField } from '~/components/ui/field';
import { MoneyField } from '~/components/ui/money-field';
import { Loading } from '~/components/ui/states';
import { amountMessage } from '~/i18n/errors';
import { useI18n } from '~/i18n/provider';
import { fromDateTimeInput, toDateTimeInput } from '~/lib/dates';
import type { FieldErrors } from '~/lib/form-errors';
import { useTRPC } from '~/trpc/react';
import { FormActions } from './form-actions';
import { FormError } from './form-error';
import { emptyLine, type LineDraft, LineItems } from './line-items';
import { useFormErrors } from './use-form-errors';

/** A sale as the form edits it. */
export interface SaleDraft {
  id: string;
  customerId: string | null;
  items: SaleItem[];
  total: number;
  paidAmount: number;
  soldAt: string;
  note: string | null;
}

interface SaleFormProps {
  customerId?: string | undefined;
  /** Given: the form edits this sale, sending only the fields changed. */
  sale?: SaleDraft | undefined;
  onDone: () => void;
  onCancel?: () => void;
}

/** Records a sale, or edits one: line items with a live total, what was paid, and optionally who bought. */
export function SaleForm(props: SaleFormProps) {
  const currency = useCurrency();
  // Amounts need the store's currency, which only the browser knows: no server-rendered form.
  return currency ? <SaleFields {...props} currency={currency} /> : <Loading />;
}

const toLine = (item: SaleItem, currency: string, locale: string): LineDraft => ({
  key: crypto.randomUUID(),
  name: item.name,
  quantity: quantityToInput(item.quantity, locale),
  unitPrice: amountToInput(item.unitPrice, currency, locale),
});

function SaleFields({ customerId, sale, onDone, onCancel, currency }: SaleFormProps & { currency: string }) {
  const trpc = useTRPC();
  const { t, formatLocale, collator, isolate } = useI18n();
  const format = useFormatMoney();
  const customerField = useId();
  const [lines, setLines] = useState<LineDraft[]>(() =>
    sale ? sale.items.map((i) => toLine(i, currency, formatLocale)) : [emptyLine()],
  );
  const [buyer, setBuyer] = useState(sale ? (sale.customerId ?? '') : (customerId ?? ''));
  const [paidInFull, setPaidInFull] = useState(!sale || sale.paidAmount === sale.total);
  const [paid, setPaid] = useState(sale ? amountToInput(sale.paidAmount, currency, formatLocale) : '');
  const [now] = useState(() => toDateTimeInput(sale ? new Date(sale.soldAt) : new Date()));
  // Untouched, the server stamps the exact time of the sale (or an edit keeps it).
  const [soldAt, setSoldAt] = useState<string | null>(null);
  const [note, setNote] = useState(sale?.note ?? '');
  const form = useFormErrors(['items', 'paidAmount', 'customerId', 'soldAt', 'note']);
  const customers = useQuery(trpc.customers.list.queryOptions({ sort: 'name', limit: 200 }));
  const create = useMutation(trpc.sales.create.mutationOptions());
  const update = useMutation(trpc.sales.update.mutationOptions());

  const prices = lines.map((l) =>
    parseAmount(l.unitPrice, currency, { allowZero: true, locale: formatLocale }),
  );
  const quantities = lines.map((l) => parseQuantity(l.quantity, { locale: formatLocale }));
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
  const total = lineTotals.reduce<number>((sum, line) => sum + (line ?? 0), 0);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const own: FieldErrors = {};
    prices.forEach((price, i) => {
      if (!price.ok) own[`items.${i}.unitPrice`] = amountMessage(t, price);
    });
    // A blank quantity is the schema's "Enter a quantity"; the parser says why other text isn't one.
    quantities.forEach((quantity, i) => {
      if (!quantity.ok && quantity.code !== 'empty') own[`items.${i}.quantity`] = amountMessage(t, quantity);
    });
    const paidRead = paidInFull
      ? null
      : parseAmount(paid, currency, { allowZero: true, locale: formatLocale });
    if (paidRead && !paidRead.ok) own.paidAmount = amountMessage(t, paidRead);
    const data = form.check(
      SaleCreateInputSchema,
      {
        items,
        paidAmount: paidRead ? (paidRead.ok ? paidRead.minor : Number.NaN) : total,
        customerId: buyer || null,
        soldAt: soldAt === null ? sale?.soldAt : fromDateTimeInput(soldAt),
        note: note.trim() || null,
      },
      own,
    );
    if (!data) return;
    const done = { onSuccess: onDone, onError: form.fromServer };
    if (!sale) return create.mutate(data, done);
    const { id, total: _, ...before } = sale;
    const changed = changedFields(before, data);
    if (Object.keys(changed).length === 0) return onDone();
    update.mutate({ id, ...changed }, done);
  };

  return (
    <form onSubmit={submit} noValidate className="sale-form">
      <LineItems
        lines={lines}
        lineTotals={lineTotals}
        errors={form.errors}
        attempt={form.attempt}
        onChange={setLines}
      />
      <p className="sale-form__total" aria-live="polite">
        {t('dashboard.forms.total', { amount: isolate(format(total)) })}
      </p>
      <div className="field">
        <label className="checkbox">
          <input type="checkbox" checked={paidInFull} onChange={(e) => setPaidInFull(e.target.checked)} />
          {t('dashboard.forms.paidInFull')}
        </label>
      </div>
      {!paidInFull && (
        <MoneyField
          label={t('dashboard.forms.amountPaid')}
          value={paid}
          onChange={setPaid}
          error={form.errors.paidAmount}
          attempt={form.attempt}
          allowZero
        />
      )}
      {paidInFull && form.errors.paidAmount && <p className="field__error">{form.errors.paidAmount}</p>}
      <div className="form-row">
        <div className={['field', form.errors.customerId && 'field--invalid'].filter(Boolean).join(' ')}>
          <label htmlFor={customerField}>{t('dashboard.forms.customer')}</label>
          <select id={customerField} value={buyer} onChange={(e) => setBuyer(e.target.value)}>
            <option value="">{t('dashboard.forms.walkIn')}</option>
            {[...(customers.data?.items ?? [])]
              .sort((a, b) => collator.compare(a.name, b.name))
              .map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
          </select>
          {form.errors.customerId && <p className="field__error">{form.errors.customerId}</p>}
        </div>
        <Field
          label={t('dashboard.forms.soldAt')}
          type="datetime-local"
          value={soldAt ?? now}
          onChange={(e) => setSoldAt(e.target.value)}
          error={form.errors.soldAt}
        />
      </div>
      <TextAreaField
        label={t('dashboard.forms.note')}
        value={note}
        onChange={setNote}
        error={form.errors.note}
      />
      <FormError message={form.errors['']} />
      <FormActions
        label={sale ? t('dashboard.forms.saveSale') : t('dashboard.forms.recordSale')}
        pending={create.isPending || update.isPending}
        onCancel={onCancel}
      />
    </form>
  );
}
