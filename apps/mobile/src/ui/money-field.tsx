import { parseAmount } from '@storesync/schema';
import { useCurrency } from '../book/currency';
import { TextField } from './text-field';

interface MoneyFieldProps {
  label: string;
  value: string;
  onChangeText: (text: string) => void;
  /** A reason from the form (e.g. "Cannot be more than the total"), shown over the parser's. */
  error?: string | null | undefined;
  /** Whether the owner has tried to save: the parser's complaint shows only then or once typed. */
  touched?: boolean;
  allowZero?: boolean;
}

/**
 * An amount typed in the store's currency, read by the shared parser: shows
 * the amount as understood ("= KES 12.35") or why it can't be read.
 */
export function MoneyField({ label, value, onChangeText, error, touched, allowZero }: MoneyFieldProps) {
  const { currency, money } = useCurrency();
  const parsed = parseAmount(value, currency, { allowZero });
  const own = !parsed.ok && (touched || value.trim() !== '') ? parsed.error : null;
  return (
    <TextField
      label={`${label} (${currency})`}
      value={value}
      onChangeText={onChangeText}
      keyboardType="decimal-pad"
      inputMode="decimal"
      autoComplete="off"
      placeholder="0.00"
      error={error ?? own}
      hint={parsed.ok ? `= ${money(parsed.minor)}` : null}
    />
  );
}
