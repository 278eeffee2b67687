import type { T } from '@storesync/i18n';
import { type AmountResult, minorDigits } from '@storesync/schema';

/** Why a typed amount can't be read, in the app's language (`parseAmount`'s code and params). */
export function amountError(t: T, refused: Extract<AmountResult, { ok: false }>): string {
  return t(`amount.${refused.code}`, refused.params as never);
}

/** An empty amount field's placeholder with the locale's decimal mark: `0.00`, `0,00`, `0` in JPY. */
export const zeroAmount = (locale: string, currency: string) =>
  new Intl.NumberFormat(locale, { minimumFractionDigits: minorDigits(currency) }).format(0);
