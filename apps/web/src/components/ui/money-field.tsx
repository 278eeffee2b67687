'use client';

import { useCurrency } from '../currency';
import { Field } from './field';

interface MoneyFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  required?: boolean;
}

/** An amount typed in the store's currency (major units, e.g. `12.50`); forms convert it to minor units. */
export function MoneyField({ label, value, onChange, error, required }: MoneyFieldProps) {
  const currency = useCurrency();
  return (
    <Field
      label={currency ? `${label} (${currency})` : label}
      inputMode="decimal"
      autoComplete="off"
      placeholder="0.00"
      value={value}
      onChange={(e) => onChange(e.target.value)}
      error={error}
      required={required}
    />
  );
}
