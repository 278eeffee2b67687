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
 *
 * With a `locale`, its own marks (learnt from `Intl`, never from a list) settle what the
 * rules above leave to a guess. A lone `.` or `,` that is the locale's *group* mark groups
 * digits: `1,500` is 1500 in en-KE and en-IN, `1.500` is 1500 in es. If what follows it is
 * not a group (`1,5` in en-KE, `1.5` in es), it can only be a decimal point of another
 * convention, and is refused, naming the locale's decimal mark: never read as 1.5 quietly.
 * A lone mark that is the locale's *decimal* mark keeps the rules above: `1,5` is 1.5 in
 * es and fr, and `1,500` there is still unclear in a 2-decimal currency (1500, written the
 * English way, or 1.50?), so it is refused with both readings. A mark that is neither of
 * the locale's (a `.` in fr, whose groups are spaces) also keeps the rules above. Both
 * marks together are never ambiguous (`1.500,50` is 1500.50 everywhere). A failure carries
 * a `code` and `params` (the i18n catalogue's `amount.*`); `error` is the English text.
 */

/**
 * The currency format of `locale` (the default one when undefined), made once: an
 * `Intl.NumberFormat` costs far more to make than to use, and a list shows hundreds of amounts.
 */
const currencyFormats = new Map<string, Intl.NumberFormat>();
function currencyFormat(currency: string, locale?: string): Intl.NumberFormat {
  const key = `${locale ?? ''}|${currency}`;
  let format = currencyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency });
    currencyFormats.set(key, format);
  }
  return format;
}

/** How many decimals a currency's minor unit has (2 for USD and KES, 0 for JPY and UGX). */
export function minorDigits(currency: string): number {
  return currencyFormat(currency, 'en').resolvedOptions().maximumFractionDigits ?? 2;
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
  return currencyFormat(currency, locale).format(minor / 10 ** digits);
}

/**
 * Minor units as the plain text an amount field starts with (`1250` USD → `12.50`, JPY → `1250`),
 * with the `locale`'s decimal mark when given (`12,50` in es), so that `parseAmount` in that
 * locale reads an untouched field back (`12.50` is refused in es: its `.` groups digits).
 */
export function amountToInput(minor: number, currency: string, locale?: string): string {
  const plain = plainAmount(minor, minorDigits(currency));
  return locale ? plain.replace('.', amountMarks(locale).decimal) : plain;
}

/** Minor units with `digits` decimals as digits and a `.`, exactly (no floating point). */
function plainAmount(minor: number, digits: number): string {
  const sign = minor < 0 ? '-' : '';
  const text = String(Math.abs(minor)).padStart(digits + 1, '0');
  if (digits === 0) return sign + text;
  return `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

/** Why an amount can't be read: the i18n catalogue's `amount.<code>`, with `params`. */
export type AmountErrorCode =
  | 'empty'
  | 'negative'
  | 'notDigits'
  | 'mixedGroups'
  | 'decimalTwice'
  | 'unfinished'
  | 'badGroups'
  | 'useDecimalMark'
  | 'unclear'
  | 'tooManyDecimals'
  | 'noDecimals'
  | 'tooLarge'
  | 'zero';

/** What an amount field holds: minor units, or why not, in words for a shop owner and as a code. */
export type AmountResult =
  | { ok: true; minor: number }
  | { ok: false; error: string; code: AmountErrorCode; params: Record<string, string | number> };
type Failure = Extract<AmountResult, { ok: false }>;

const fail = (code: AmountErrorCode, error: string, params: Failure['params'] = {}): Failure => ({
  ok: false,
  error,
  code,
  params,
});
const GROUP_SPACES = /[\s\u00a0\u202f'\u2019]/;

/** A locale's decimal mark and group mark (`null` when it groups with a space or none). */
export interface AmountMarks {
  decimal: string;
  group: string | null;
}

/**
 * The marks `locale` writes numbers with, as `Intl` formats 1234567.5. Hermes on iOS has no
 * `formatToParts`: there the marks are read off `format` (what is not a digit, in order).
 */
export function amountMarks(locale: string): AmountMarks {
  const format = new Intl.NumberFormat(locale, { useGrouping: true, minimumFractionDigits: 1 });
  let group: string | undefined;
  let decimal: string | undefined;
  if (typeof format.formatToParts === 'function') {
    const parts = format.formatToParts(1234567.5);
    group = parts.find((p) => p.type === 'group')?.value;
    decimal = parts.find((p) => p.type === 'decimal')?.value;
  } else {
    const marks = format
      .format(1234567.5)
      .replace(/\p{Nd}/gu, ' ')
      .trim()
      .split(/ +/);
    decimal = marks.pop();
    group = marks[0];
  }
  return {
    decimal: decimal ?? '.',
    group: group === undefined || GROUP_SPACES.test(group) ? null : group,
  };
}

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

type Split = { whole: string; fraction: string } | Failure;

/**
 * Splits `text` into its whole digits and its decimal digits, or says why it can't
 * (`parseQuantity` reads a quantity's marks by the same rules).
 */
export function splitAmount(text: string, digits: number, marks: AmountMarks | null): Split {
  const spaced = GROUP_SPACES.test(text);
  const found = text.match(/[.,]/g) ?? [];
  const kinds = new Set(found);
  // Examples in the locale's own decimal mark.
  const show = (plain: string) => (marks ? plain.replace('.', marks.decimal) : plain);
  if (spaced && kinds.size === 2) {
    return fail('mixedGroups', 'Check the separators: group digits with spaces or with . or , but not both');
  }
  const groups = text.split(/[\s\u00a0\u202f'\u2019.,]/);
  const badGroups = () => {
    const example = ['1', '234', '567'].join(marks ? (marks.group ?? '\u00a0') : ',');
    return fail('badGroups', `Check the separators: digits are grouped by three, e.g. ${example}`, {
      example,
    });
  };
  // The locale's group mark alone: digits in groups, or a decimal point of another convention.
  if (marks && kinds.size === 1 && found[0] === marks.group) {
    if (groupsOk(groups)) return { whole: groups.join(''), fraction: '' };
    const [whole = '', ...rest] = groups;
    if (groups.length === 2 && digits > 0) {
      const example = show(rounded(whole || '0', rest.join(''), Math.min(digits, rest.join('').length)));
      return fail('useDecimalMark', `Use “${marks.decimal}” for the decimals, e.g. ${example}`, {
        mark: marks.decimal,
        example,
      });
    }
    return badGroups();
  }
  // The decimal point: the last mark when both kinds appear, or a lone mark.
  const decimal = kinds.size === 2 || found.length === 1 ? (found[found.length - 1] ?? null) : null;

  const cut = decimal === null ? -1 : text.lastIndexOf(decimal);
  const head = cut < 0 ? text : text.slice(0, cut);
  const fraction = cut < 0 ? '' : text.slice(cut + 1);
  if (decimal !== null && head.includes(decimal)) {
    return fail('decimalTwice', `Use “${decimal}” only once, for the decimals`, { mark: decimal });
  }
  if (cut >= 0 && fraction === '') {
    return fail('unfinished', `Finish the amount after “${decimal}”, or remove it`, { mark: decimal ?? '' });
  }
  const headGroups = head.split(/[\s\u00a0\u202f'\u2019.,]/);
  if (!/^\d*$/.test(fraction) || !groupsOk(headGroups)) return badGroups();
  const whole = headGroups.join('');
  if (fraction.length <= digits) return { whole, fraction };
  // One separator with 3 digits after it: a thousands group, or a decimal point?
  if (headGroups.length === 1 && whole !== '' && fraction.length === 3) {
    if (digits === 0) return { whole: whole + fraction, fraction: '' };
    const other = show(rounded(whole, fraction, digits));
    return fail(
      'unclear',
      `Unclear: ${text} could mean ${whole}${fraction} or ${other}. Write ${whole}${fraction} without separators, or use at most ${digits} decimals`,
      { text, whole: whole + fraction, rounded: other, digits },
    );
  }
  if (digits === 0) return fail('noDecimals', 'This currency has no decimals: enter a whole amount');
  const example = show(rounded(whole, fraction, digits));
  return fail('tooManyDecimals', `Use at most ${digits} decimal${digits === 1 ? '' : 's'}, e.g. ${example}`, {
    digits,
    example,
  });
}

export interface ParseAmountOptions {
  /** Whether 0 is an amount here (a paid amount, a free item). */
  allowZero?: boolean | undefined;
  /** The owner's locale (`en-KE`, `es`, `hi-IN`): its marks settle `1,500` and `1,5` (module doc). */
  locale?: string | undefined;
}

/**
 * What the owner typed as minor units of `currency`, or a reason to show under the field.
 * The rules are in this module's doc comment; zero is refused unless `allowZero`.
 */
export function parseAmount(text: string, currency: string, opts?: ParseAmountOptions): AmountResult {
  const trimmed = text.trim();
  const marks = opts?.locale ? amountMarks(opts.locale) : null;
  if (trimmed === '') return fail('empty', 'Enter an amount');
  if (/^[-−]/.test(trimmed)) return fail('negative', 'Must not be negative');
  if (!/^[\d\s\u00a0\u202f'\u2019.,]+$/.test(trimmed)) {
    const example = marks ? `12${marks.decimal}50` : '12.50';
    return fail('notDigits', `Use only digits, e.g. ${example}`, { example });
  }
  if (!/\d/.test(trimmed)) return fail('empty', 'Enter an amount');
  const digits = minorDigits(currency);
  const parts = splitAmount(trimmed, digits, marks);
  if ('ok' in parts) return parts;
  const all = (parts.whole + parts.fraction.padEnd(digits, '0')).replace(/^0+(?=\d)/, '');
  if (all.length > String(MAX_AMOUNT).length || Number(all) > MAX_AMOUNT) {
    const max = formatMoney(MAX_AMOUNT, currency, opts?.locale);
    return fail('tooLarge', `More than the largest amount, ${max}`, { max });
  }
  const minor = Number(all);
  if (minor === 0 && !opts?.allowZero) return fail('zero', 'Must be more than zero');
  return { ok: true, minor };
}
