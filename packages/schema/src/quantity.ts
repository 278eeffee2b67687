import { type AmountResult, amountMarks, splitAmount } from './money.ts';

/**
 * Quantities (a sale item's `2`, `1.5` kg, `0.25` l): what a shop owner types becomes a number
 * by `parseAmount`'s rules (money.ts) for a number with up to `QUANTITY_DECIMALS` decimals, so
 * both apps read `1,5` and `1,500` as they read an amount in the same locale: with `es` or
 * `fr`, `1,5` is 1.5; with `en-KE`, `1,500` is 1500 and `1,5` is refused, naming its `.`.
 * A lone mark the locale does not settle (no locale, or a `.` in `fr`, whose groups are
 * spaces) followed by exactly three digits could group or mark decimals: refused as unclear.
 * Being more than zero and at most the schema's maximum is the sale schema's check, so the
 * form's own words say it; this says only how the text reads.
 */

/** How many decimals a quantity may have (grams of a kilo, millilitres of a litre). */
export const QUANTITY_DECIMALS = 3;

/** Why a quantity can't be read: the catalogue's `amount.<code>`, with `params` (as `parseAmount`). */
export type QuantityResult = { ok: true; quantity: number } | Extract<AmountResult, { ok: false }>;

type Failure = Extract<QuantityResult, { ok: false }>;

export interface ParseQuantityOptions {
  /** The owner's locale (`en-KE`, `es`, `hi-IN`): its marks settle `1,500` and `1,5`. */
  locale?: string | undefined;
}

/** What the owner typed in a quantity cell as a number, or why not (`empty` when blank). */
export function parseQuantity(text: string, opts?: ParseQuantityOptions): QuantityResult {
  const trimmed = text.trim();
  const marks = opts?.locale ? amountMarks(opts.locale) : null;
  const decimalMark = marks?.decimal ?? '.';
  if (trimmed === '') return failure('empty', 'Enter a quantity');
  if (/^[-−]/.test(trimmed)) return failure('negative', 'Must not be negative');
  if (!/^[\d\s\u00a0\u202f'\u2019.,]+$/.test(trimmed)) {
    const example = `1${decimalMark}5`;
    return failure('notDigits', `Use only digits, e.g. ${example}`, { example });
  }
  if (!/\d/.test(trimmed)) return failure('empty', 'Enter a quantity');
  const lone = /^([1-9]\d{0,2})([.,])(\d{3})$/.exec(trimmed); // only these could be a group
  if (lone && (!marks || (lone[2] !== marks.decimal && lone[2] !== marks.group))) {
    const [, whole = '', , fraction = ''] = lone;
    const other = `${whole}${decimalMark}${fraction.replace(/0+$/, '') || '0'}`;
    return failure(
      'unclear',
      `Unclear: ${trimmed} could mean ${whole}${fraction} or ${other}. Write ${whole}${fraction} without separators, or use at most 2 decimals`,
      { text: trimmed, whole: whole + fraction, rounded: other, digits: 2 },
    );
  }
  const parts = splitAmount(trimmed, QUANTITY_DECIMALS, marks);
  if ('ok' in parts) return parts;
  return { ok: true, quantity: Number(`${parts.whole || '0'}.${parts.fraction || '0'}`) };
}

function failure(code: Failure['code'], error: string, params: Failure['params'] = {}): Failure {
  return { ok: false, code, error, params };
}

/** A stored quantity as the text its cell starts with, in the locale's decimal mark (`1,5` in `es`). */
export function quantityToInput(quantity: number, locale?: string): string {
  const text = String(quantity);
  return locale ? text.replace('.', amountMarks(locale).decimal) : text;
}
