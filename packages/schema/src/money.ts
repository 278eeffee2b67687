/**
 * Amounts: how a currency's minor units are shown, and how what a shop owner
 * types becomes minor units. Pure (only `Intl`), shared by the dashboard and
 * the phone app so both read `12,50` the same way.
 *
 * How `parseAmount` reads text, for a currency with `d` decimals:
 * - Spaces (also no-break and narrow ones) and `'` `’` only group digits: `10 000`, `1 234,56`.
 * - With both `.` and `,`, the last one is the decimal point: `1,234.56`, `1.234,56`.
 * - One `.` or `,` followed by 1…d digits is the decimal point: `12.5`, `12,50`, `.5`.
 *   Followed by exactly 3 digits in a currency with fewer decimals it could be either
 *   (`12.345`: 12,345 or 12.35?), so it is refused with both readings rather than guessed —
 *   except in a currency without decimals (JPY, UGX), where only grouping makes sense.
 * - A separator that repeats only groups digits; groups are checked (3 digits, or the
 *   Indian 2-digit groups before the last 3): `1,234,567`, `1,23,456.78`; `1,2,3` is refused.
 * - Refused, each with its own reason: nothing typed, letters, a minus sign, a separator
 *   with nothing after it (`5.`), more decimals than the currency has, zero (unless
 *   allowed), and more than `MAX_AMOUNT`.
 */

/** How many decimals a currency's minor unit has (2 for USD and KES, 0 for JPY and UGX). */
export function minorDigits(currency: string): number {
  const options = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions();
  return options.maximumFractionDigits ?? 2;
}

/**
 * The largest amount in minor units: 10^13 − 1 (99,999,999,999.99 in a 2-decimal currency,
 * 9,999,999,999,999 UGX). Far above any shop's sale, and low enough that the sum of
 * hundreds of such amounts — a customer's balance, a store's outstanding — stays an exact
 * integer in a JavaScript number (below 2^53 ≈ 9 × 10^15), which `MAX_SAFE_INTEGER` would not.
 */
export const MAX_AMOUNT = 9_999_999_999_999;

/** An amount stored in minor units, shown in the currency and the given (or default) locale. */
export function formatMoney(minor: number, currency: string, locale?: string): string {
  const digits = minorDigits(currency);
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(minor / 10 ** digits);
}

/** Minor units as the plain text an amount field starts with (`1250` USD → `12.50`, JPY → `1250`). */
export function amountToInput(minor: number, currency: string): string {
  return plainAmount(minor, minorDigits(currency));
}

/** Minor units with `digits` decimals as digits and a `.`, exactly (no floating point). */
function plainAmount(minor: number, digits: number): string {
  const sign = minor < 0 ? '-' : '';
  const text = String(Math.abs(minor)).padStart(digits + 1, '0');
  if (digits === 0) return sign + text;
  return `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

/** What an amount field holds: minor units, or why not, in words for a shop owner. */
export type AmountResult = { ok: true; minor: number } | { ok: false; error: string };

const fail = (error: string): AmountResult => ({ ok: false, error });
const GROUP_SPACES = /[\s\u00a0\u202f'\u2019]/;

/** Digit groups: one run of digits, or 1–3 digits then groups of 3 (Indian: 2s, then 3). */
function groupsOk(groups: readonly string[]): boolean {
  const [first, ...rest] = groups;
  if (rest.length === 0) return true;
  const middle = rest.slice(0, -1);
  if (!first || first.length > 3 || rest[rest.length - 1]?.length !== 3) return false;
  return middle.every((g) => g.length === 3) || (middle.every((g) => g.length === 2) && first.length <= 2);
}

/** `whole.fraction` rounded to `digits` decimals, as plain text (for an example in a message). */
function rounded(whole: string, fraction: string, digits: number): string {
  const minor = Math.round(Number(whole + fraction) / 10 ** (fraction.length - digits));
  return plainAmount(minor, digits);
}

/** Splits `text` into its whole digits and its decimal digits, or says why it can't. */
function splitAmount(text: string, digits: number): { whole: string; fraction: string } | string {
  const spaced = GROUP_SPACES.test(text);
  const marks = text.match(/[.,]/g) ?? [];
  const kinds = new Set(marks);
  if (spaced && kinds.size === 2) {
    return 'Check the separators: group digits with spaces or with . or , but not both';
  }
  // The decimal point: the last mark when both kinds appear, or a lone mark.
  const decimal = kinds.size === 2 || marks.length === 1 ? (marks[marks.length - 1] ?? null) : null;

  const cut = decimal === null ? -1 : text.lastIndexOf(decimal);
  const head = cut < 0 ? text : text.slice(0, cut);
  const fraction = cut < 0 ? '' : text.slice(cut + 1);
  if (decimal !== null && head.includes(decimal)) return `Use “${decimal}” only once, for the decimals`;
  if (cut >= 0 && fraction === '') return `Finish the amount after “${decimal}”, or remove it`;
  const groups = head.split(/[\s\u00a0\u202f'\u2019.,]/);
  if (!/^\d*$/.test(fraction) || !groupsOk(groups)) {
    return 'Check the separators: digits are grouped by three, e.g. 1,234,567';
  }
  const whole = groups.join('');
  if (fraction.length <= digits) return { whole, fraction };
  // One separator with 3 digits after it: a thousands group, or a decimal point?
  if (groups.length === 1 && whole !== '' && fraction.length === 3) {
    if (digits === 0) return { whole: whole + fraction, fraction: '' };
    return `Unclear: ${text} could mean ${whole}${fraction} or ${rounded(whole, fraction, digits)}. Write ${whole}${fraction} without separators, or use at most ${digits} decimals`;
  }
  if (digits === 0) return 'This currency has no decimals: enter a whole amount';
  return `Use at most ${digits} decimal${digits === 1 ? '' : 's'}, e.g. ${rounded(whole, fraction, digits)}`;
}

/**
 * What the owner typed as minor units of `currency`, or a reason to show under the field.
 * The rules are in this module's doc comment; zero is refused unless `allowZero`.
 */
export function parseAmount(text: string, currency: string, opts?: { allowZero?: boolean }): AmountResult {
  const trimmed = text.trim();
  if (trimmed === '') return fail('Enter an amount');
  if (/^[-−]/.test(trimmed)) return fail('Must not be negative');
  if (!/^[\d\s\u00a0\u202f'\u2019.,]+$/.test(trimmed)) return fail('Use only digits, e.g. 12.50');
  if (!/\d/.test(trimmed)) return fail('Enter an amount');
  const digits = minorDigits(currency);
  const parts = splitAmount(trimmed, digits);
  if (typeof parts === 'string') return fail(parts);
  const all = (parts.whole + parts.fraction.padEnd(digits, '0')).replace(/^0+(?=\d)/, '');
  if (all.length > String(MAX_AMOUNT).length || Number(all) > MAX_AMOUNT) {
    return fail(`More than the largest amount, ${formatMoney(MAX_AMOUNT, currency)}`);
  }
  const minor = Number(all);
  if (minor === 0 && !opts?.allowZero) return fail('Must be more than zero');
  return { ok: true, minor };
}
