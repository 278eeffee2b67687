import { currencyOfLocale } from './region-currency';

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

/** How many decimals a currency's minor unit has (2 for USD and KES, 0 for JPY and UGX). */
export function minorDigits(currency: string): number {
  return (
    new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2
  );
}

/** An amount stored in minor units, shown in the currency and the browser's locale. */
export function formatMoney(minor: number, currency: string, locale?: string): string {
  const digits = minorDigits(currency);
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(minor / 10 ** digits);
}

/**
 * What the owner typed (e.g. `12.50`, `12,50`, `1 200`) as minor units, or
 * null when it is not an amount. The last `.` or `,` followed by at most the
 * currency's decimals is the decimal separator; other separators group digits.
 */
export function parseMoney(text: string, currency: string): number | null {
  const digits = minorDigits(currency);
  const compact = text.replace(/[\s\u00a0\u202f']/g, '');
  if (!/^\d[\d.,]*$/.test(compact)) return null;
  const match = digits > 0 ? new RegExp(`^(.*?)[.,](\\d{1,${digits}})$`).exec(compact) : null;
  const whole = (match ? (match[1] ?? '') : compact).replace(/[.,]/g, '');
  const fraction = (match?.[2] ?? '').padEnd(digits, '0');
  if (!/^\d+$/.test(whole || '0')) return null;
  const value = Number(whole || '0') * 10 ** digits + Number(fraction || '0');
  return Number.isSafeInteger(value) ? value : null;
}

/** Minor units as the plain text an amount field starts with (`1250` USD → `12.50`). */
export function minorToInput(minor: number, currency: string): string {
  const digits = minorDigits(currency);
  return digits === 0 ? String(minor) : (minor / 10 ** digits).toFixed(digits);
}
