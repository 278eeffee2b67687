import { parseAmount } from '@storesync/schema';
import { useCurrency } from '../book/currency';
import { useLocale } from '../i18n/locale';
import { amountError, zeroAmount } from './amount-text';
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
  const { t, tag } = useLocale();
  // Read with the app's language: "1,500" is 1500 in en-KE, "1.500,50" is 1500.50 in es.
  const parsed = parseAmount(value, currency, { allowZero, locale: tag });
  const own = !parsed.ok && (touched || value.trim() !== '') ? amountError(t, parsed) : null;
  return (
    <TextField
      label={t('forms.moneyLabel', { label, currency })}
      value={value}
      onChangeText={onChangeText}
      keyboardType="decimal-pad"
      inputMode="decimal"
      autoComplete="off"
      placeholder={zeroAmount(tag, currency)}
      error={error ?? own}
      hint={parsed.ok ? t('forms.understood', { amount: money(parsed.minor) }) : null}
    />
  );
}
