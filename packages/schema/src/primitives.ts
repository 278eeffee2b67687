import { z } from 'zod';
import { fitsLength } from './graphemes.ts';

// A lone UTF-16 surrogate: a high one not followed by a low one, or a low one
// not preceded by a high one. Cutting a string through an emoji leaves one.
// (No lookbehind: not every client's JS engine has it.)
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?:^|[^\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Whether PostgreSQL can store this string as it is: `text` and `jsonb` refuse
 * NUL, `jsonb` refuses a lone surrogate, and UTF-8 (the wire's encoding) would
 * silently turn one into U+FFFD. The one rule for every string that is stored.
 */
export const isStorableText = (s: string): boolean => !s.includes('\0') && !LONE_SURROGATE.test(s);

export const UNSTORABLE_TEXT_MESSAGE = 'must not contain NUL characters or broken emoji (lone surrogates)';

/**
 * Text PostgreSQL can store (no NUL characters, no lone surrogates) of `min` to `max`
 * characters as people count them (grapheme clusters, `graphemeLength`): a name of 199
 * letters and an emoji is 200. Its code units are bounded too (`UNITS_PER_CHARACTER`).
 */
export const text = (min: number, max: number) =>
  z
    .string()
    .min(min)
    .check((ctx) => {
      if (!fitsLength(ctx.value, max))
        ctx.issues.push({
          code: 'too_big',
          origin: 'string',
          maximum: max,
          inclusive: true,
          input: ctx.value,
        });
    })
    .refine(isStorableText, UNSTORABLE_TEXT_MESSAGE);

/** A UUID, normalised to lower case so ids compare equal everywhere. */
export const UuidSchema = z.uuid().toLowerCase();

/**
 * The days a date may fall on, both ends included. PostgreSQL and JS Date hold
 * far more; the bounds are what every reader can take. From 1970: no epoch
 * before zero (which some platforms refuse) and none of JS's two-digit-year
 * traps. Until the day before the last of 9999: in every time zone (offsets
 * reach ±15 h) the instant is still a four-digit year, which ISO-8601 strings,
 * their ordering (the merge compares clocks as strings) and PostgreSQL's output
 * in a non-UTC session all need.
 */
export const MIN_DATE = '1970-01-01';
export const MAX_DATE = '9999-12-30';
export const MIN_TIMESTAMP = `${MIN_DATE}T00:00:00.000Z`;
export const MAX_TIMESTAMP = `${MAX_DATE}T23:59:59.999Z`;

const MIN_MS = Date.parse(MIN_TIMESTAMP);
const MAX_MS = Date.parse(MAX_TIMESTAMP);

/** ISO-8601 timestamp within the bounds above; any offset in, UTC with milliseconds out. */
export const TimestampSchema = z.iso
  .datetime({ offset: true })
  .transform((s) => new Date(s).toISOString())
  .refine((s) => {
    const ms = Date.parse(s);
    return ms >= MIN_MS && ms <= MAX_MS;
  }, `must be a date between ${MIN_TIMESTAMP} and ${MAX_TIMESTAMP}`)
  .describe(`ISO-8601 with an offset, between ${MIN_TIMESTAMP} and ${MAX_TIMESTAMP}`);

/** A calendar date `YYYY-MM-DD` within the bounds above. */
export const DateSchema = z.iso
  .date()
  .refine((s) => s >= MIN_DATE && s <= MAX_DATE, `must be a date between ${MIN_DATE} and ${MAX_DATE}`)
  .describe(`YYYY-MM-DD, between ${MIN_DATE} and ${MAX_DATE}`);

/** Money in integer minor units (cents). */
export const MoneySchema = z.int().nonnegative();
export const PositiveMoneySchema = z.int().positive();

export const DeviceIdSchema = text(1, 200);

/**
 * A language as a BCP 47 tag (`en`, `sw`, `ur`, `pt-BR`): which one a reader shows
 * is the app's to decide (it falls back to the store's, then its own).
 */
export const LanguageSchema = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language tag such as "en" or "sw"')
  .max(35);

/** A country as an ISO 3166-1 alpha-2 code, upper case (`KE`, `IN`, `PK`). */
export const CountrySchema = z.string().regex(/^[A-Z]{2}$/, 'must be a two-letter country code such as "KE"');

/**
 * A statement link's token: at least 128 bits from a CSPRNG, base64url (22+
 * characters). The device that creates the link makes it, so links work offline.
 */
export const LinkTokenSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{22,64}$/, 'must be 22 to 64 base64url characters (128 bits or more)');

/** A whole count (days, say) that a setting holds. */
export const countSchema = (min: number, max: number) => z.int().min(min).max(max);
