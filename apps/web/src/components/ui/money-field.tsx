'use client';

import { amountToInput, formatMoney, parseAmount } from '@storesync/schema';
import { useState } from 'react';
import { amountMessage } from '~/i18n/errors';
import { useI18n } from '~/i18n/provider';
import { useCurrency } from '../currency';
import { Field } from './field';

interface MoneyFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** The form's error for this field, from its last submit… */
  error?: string | undefined;
  /** …numbered (`useFormErrors().attempt`): once the owner edits the amount, that error is old. */
  attempt: number;
  required?: boolean;
  /** Whether 0 is an amount here (a paid amount, a free item), as `parseAmount` takes it. */
  allowZero?: boolean;
  className?: string;
}

/**
 * An amount typed in the store's currency, read with the shared `parseAmount`: while typing it
 * shows the amount as understood ("= $12.35"), and once the owner leaves the field, why it is
 * not one. Forms read the text with `parseAmount` again when they submit.
 */
export function MoneyField(props: MoneyFieldProps) {
  const { label, value, onChange, error, attempt, required, allowZero, className } = props;
  const currency = useCurrency();
  const { t, formatLocale } = useI18n();
  const [left, setLeft] = useState(false);
  const [editedAfter, setEditedAfter] = useState(-1);
  const read =
    currency && value.trim() !== ''
      ? parseAmount(value, currency, { allowZero, locale: formatLocale })
      : null;
  const understood =
    currency && read?.ok
      ? t('dashboard.forms.understood', { amount: formatMoney(read.minor, currency, formatLocale) })
      : undefined;
  const own = left && read && !read.ok ? amountMessage(t, read) : undefined;
  return (
    <Field
      className={className}
      label={currency ? t('dashboard.forms.withCurrency', { label, currency }) : label}
      inputMode="decimal"
      autoComplete="off"
      placeholder={currency ? amountToInput(0, currency) : undefined}
      value={value}
      onChange={(e) => {
        onChange(e.target.value);
        setLeft(false);
        setEditedAfter(attempt);
      }}
      onBlur={() => setLeft(true)}
      hint={understood}
      error={(editedAfter === attempt ? undefined : error) ?? own}
      required={required}
    />
  );
}
