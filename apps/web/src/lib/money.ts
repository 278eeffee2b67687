import { isCurrencyInUse } from '@storesync/schema';
import { currencyOfLocale } from './region-currency';

// Amounts are shown and read by `formatMoney` and `parseAmount` of `@storesync/schema`,
// shared with the phone app; only the browser's default currency is the dashboard's own.

/** The currency used when the browser's locale names no known region. */
export const FALLBACK_CURRENCY = 'USD';

/** The currency suggested until the store sets one: that of the browser's preferred locales' region. */
export function defaultCurrency(locales: readonly string[]): string {
  for (const locale of locales) {
    const currency = currencyOfLocale(locale);
    // Only a currency the store can be set to: the suggestion is the setting's first value.
    if (currency && isCurrencyInUse(currency)) return currency;
  }
  return FALLBACK_CURRENCY;
}
