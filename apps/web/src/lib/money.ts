import { currencyOfLocale } from './region-currency';

// Amounts are shown and read by `formatMoney` and `parseAmount` of `@storesync/schema`,
// shared with the phone app; only the browser's default currency is the dashboard's own.

/** The currency used when the browser's locale names no known region. */
export const FALLBACK_CURRENCY = 'USD';

/** The store's default currency: the one of the browser's preferred locales' region. */
export function defaultCurrency(locales: readonly string[]): string {
  for (const locale of locales) {
    const currency = currencyOfLocale(locale);
    if (currency) return currency;
  }
  return FALLBACK_CURRENCY;
}
