import { isCurrencyInUse } from './currencies.ts';
import { currencyOfLocale } from './region-currency.ts';

// The currency offered before a store has set one, from the device's locales: the same
// suggestion on the dashboard (the browser's languages) and the phone (its locale).

/** The currency used when no locale names a known region. */
export const FALLBACK_CURRENCY = 'USD';

/** The currency suggested until the store sets one: that of the first locale with a known region. */
export function defaultCurrency(locales: readonly string[]): string {
  for (const locale of locales) {
    const currency = currencyOfLocale(locale);
    // Only a currency the store can be set to: the suggestion is the setting's first value.
    if (currency && isCurrencyInUse(currency)) return currency;
  }
  return FALLBACK_CURRENCY;
}
