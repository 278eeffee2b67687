'use client';

import {
  amountToInput,
  type Balance,
  balanceOf,
  changedFields,
  creditFromPayment,
  exceedsOwed,
  formatMoney,
  PaymentCreateInputSchema,
  parseAmount,
} from '@storesync/schema';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { z } from 'zod';
import { useCurrency } from '~/components/currency';
import { Field, TextAreaField } from '~/components/ui/field';
import { MoneyField } from '~/components/ui/money-field';
import { amountMessage } from '~/i18n/errors';
import { useI18n } from '~/i18n/provider';
import { fromDateTimeInput, toDateTimeInput } from '~/lib/dates';
import { useTRPC } from '~/trpc/react';
import { FormActions } from './form-actions';
import { FormError } from './form-error';
import { useFormErrors } from './use-form-errors';

type PaymentInput = z.output<typeof PaymentCreateInputSchema>;

/** A repayment as the form edits it. */
export interface PaymentDraft {
  id: string;
  amount: number;
  paidAt: string;
  note: string | null;
}

interface PaymentFormProps {
  customer: { id: string; name: string };
  /** What the customer owes now: offered as the amount to settle in full, and asked about when exceeded. */
  balance: Balance;
  /** Given: the form edits this repayment, sending only the fields changed. */
  payment?: PaymentDraft | undefined;
  onDone: () => void;
  onCancel: () => void;
}

/**
 * Records a repayment, or edits one: an amount, when it was paid (now by default), a note. More
 * than is owed is taken only once the owner confirms it, the rest kept as the customer's credit.
 */
export function PaymentForm({ customer, balance: current, payment, onDone, onCancel }: PaymentFormProps) {
  const trpc = useTRPC();
  const currency = useCurrency();
  const { t, formatLocale, isolate } = useI18n();
  // Untouched (null), an edit shows the payment's amount once the currency is known.
  const [amount, setAmount] = useState<string | null>(payment ? null : '');
  const [now] = useState(() => toDateTimeInput(payment ? new Date(payment.paidAt) : new Date()));
  // Untouched, the server stamps the exact time (or an edit keeps it), which keeps the history in order.
  const [paidAt, setPaidAt] = useState<string | null>(null);
  const [note, setNote] = useState(payment?.note ?? '');
  const [asking, setAsking] = useState<PaymentInput | null>(null);
  const form = useFormErrors(['amount', 'paidAt', 'note']);
  const create = useMutation(trpc.payments.create.mutationOptions());
  const update = useMutation(trpc.payments.update.mutationOptions());
  const pending = create.isPending || update.isPending;
  const shown = amount ?? (payment && currency ? amountToInput(payment.amount, currency, formatLocale) : '');
  // An edit is weighed against what was owed without this payment.
  const balance = payment
    ? balanceOf(current.debts, current.unpaidSales, current.payments - payment.amount)
    : current;
  const money = (minor: number) => (currency ? formatMoney(minor, currency, formatLocale) : '');
  /** The question before taking more than is owed, in the phone's words (`forms.overpaid*`). */
  const overpayment = (amount: number) => {
    const extra = isolate(money(creditFromPayment(balance, amount)));
    const args = { name: customer.name, amount: isolate(money(amount)), extra };
    if (balance.owed > 0) return t('forms.overpaidOwes', { ...args, owed: isolate(money(balance.owed)) });
    if (balance.credit > 0)
      return t('forms.overpaidCredit', { ...args, credit: isolate(money(balance.credit)) });
    return t('forms.overpaidNothing', args);
  };

  const save = (data: PaymentInput) => {
    const done = { onSuccess: onDone, onError: form.fromServer };
    if (!payment) return create.mutate(data, done);
    const { customerId: _, ...fields } = data;
    const changed = changedFields(
      { amount: payment.amount, paidAt: payment.paidAt, note: payment.note },
      fields,
    );
    if (Object.keys(changed).length === 0) return onDone();
    update.mutate({ id: payment.id, ...changed }, done);
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!currency) return;
    const read = parseAmount(shown, currency, { locale: formatLocale });
    const data = form.check(
      PaymentCreateInputSchema,
      {
        customerId: customer.id,
        amount: read.ok ? read.minor : Number.NaN,
        paidAt: paidAt === null ? payment?.paidAt : fromDateTimeInput(paidAt),
        note: note.trim() || null,
      },
      read.ok ? {} : { amount: amountMessage(t, read) },
    );
    if (!data) return;
    const raised = !payment || data.amount > payment.amount;
    if (raised && exceedsOwed(balance, data.amount)) setAsking(data);
    else save(data);
  };

  if (asking && currency) {
    return (
      <div role="alertdialog" aria-labelledby="overpayment" className="confirm-panel">
        <p id="overpayment">{overpayment(asking.amount)}</p>
        <FormError message={form.errors[''] ?? form.errors.amount} />
        <div className="form-actions">
          {/* biome-ignore lint/a11y/noAutofocus: the safe choice takes the focus in a confirmation */}
          <button type="button" className="button" onClick={() => setAsking(null)} autoFocus>
            {t('dashboard.forms.changeAmount')}
          </button>
          <button
            type="button"
            className="button button--primary"
            disabled={pending}
            onClick={() => save(asking)}
          >
            {pending
              ? t('dashboard.states.saving')
              : t('dashboard.forms.take', { amount: formatMoney(asking.amount, currency, formatLocale) })}
          </button>
        </div>
      </div>
    );
  }

  return (
    <form onSubmit={submit} noValidate>
      <MoneyField
        label={t('dashboard.forms.amountPaid')}
        value={shown}
        onChange={setAmount}
        error={form.errors.amount}
        attempt={form.attempt}
        required
      />
      {currency && (
        <p className="field__hint">
          {balance.owed > 0 ? (
            <>
              {t('dashboard.forms.owes', { amount: isolate(money(balance.owed)) })}{' '}
              <button
                type="button"
                className="link-button"
                onClick={() => setAmount(amountToInput(balance.owed, currency, formatLocale))}
              >
                {t('dashboard.forms.payInFull')}
              </button>
            </>
          ) : balance.credit > 0 ? (
            t('dashboard.forms.owesNothingCredit', { amount: isolate(money(balance.credit)) })
          ) : (
            t('dashboard.forms.owesNothing')
          )}
        </p>
      )}
      <Field
        label={t('dashboard.forms.paidAt')}
        type="datetime-local"
        value={paidAt ?? now}
        onChange={(e) => setPaidAt(e.target.value)}
        error={form.errors.paidAt}
      />
      <TextAreaField
        label={t('dashboard.forms.note')}
        value={note}
        onChange={setNote}
        error={form.errors.note}
      />
      <FormError message={form.errors['']} />
      <FormActions
        label={payment ? t('dashboard.forms.savePayment') : t('dashboard.forms.recordPayment')}
        pending={pending}
        onCancel={onCancel}
      />
    </form>
  );
}
