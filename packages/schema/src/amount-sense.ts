import { minorDigits } from './money.ts';

/**
 * When an amount is worth a second question before it is saved: a slip of the finger (three
 * zeros too many) looks like any other amount. Not a limit: the owner may say yes.
 */

/** How many times the largest entry of the book an amount may be before the app asks. */
export const UNUSUAL_FACTOR = 100;
/** Above this many whole units of any currency the app asks, whatever the book holds. */
export const AMOUNT_CEILING_UNITS = 1_000_000_000;

/** The ceiling in a currency's minor units (KES: 100,000,000,000 cents). */
export const amountCeiling = (currency: string): number => AMOUNT_CEILING_UNITS * 10 ** minorDigits(currency);

/**
 * Why an amount should be confirmed, or null: `ceiling` above the ceiling, `unusual` over
 * `UNUSUAL_FACTOR` times the largest amount so far (`largest`; 0 or null for an empty book).
 */
export function unusualAmount(
  minor: number,
  largest: number | null,
  currency: string,
): 'ceiling' | 'unusual' | null {
  if (minor > amountCeiling(currency)) return 'ceiling';
  if (largest && largest > 0 && minor > largest * UNUSUAL_FACTOR) return 'unusual';
  return null;
}

/**
 * Whether the book's largest amount is needed to judge `minor`: only above 100 whole units
 * (no book's largest entry is under one whole unit), so everyday amounts read nothing.
 */
export const needsLargest = (minor: number, currency: string): boolean =>
  minor > UNUSUAL_FACTOR * 10 ** minorDigits(currency);
