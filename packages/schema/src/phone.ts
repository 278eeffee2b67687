import { parsePhoneNumberFromString } from 'libphonenumber-js/min';

/** Why a typed number is not a phone number: the catalogue's `remind.phoneErrors` says each. */
export type PhoneError = 'invalid' | 'needsCountry';

/**
 * A typed phone number as E.164 (`+254712345678`), read as a number of the store's `country`
 * (ISO alpha-2) unless it starts with `+` (or `00`). One rule for the phone and the dashboard.
 * `needsCountry`: a national number and no store country to read it in.
 */
export function normalisePhone(
  raw: string,
  country: string | null | undefined,
): { e164: string } | { error: PhoneError } {
  const typed = raw.trim().replace(/^00/, '+');
  const international = typed.startsWith('+');
  if (!international && !country) return { error: 'needsCountry' };
  const parsed = parsePhoneNumberFromString(
    typed,
    // biome-ignore lint/suspicious/noExplicitAny: libphonenumber's CountryCode is a union of codes
    international ? undefined : (country as any),
  );
  return parsed?.isValid() ? { e164: parsed.number } : { error: 'invalid' };
}

/** A stored number as E.164 when it reads as one, else null: older rows keep what was typed, shown as is. */
export function phoneE164(
  stored: string | null | undefined,
  country: string | null | undefined,
): string | null {
  if (!stored) return null;
  const n = normalisePhone(stored, country);
  return 'e164' in n ? n.e164 : null;
}
