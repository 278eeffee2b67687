import type { T } from '@storesync/i18n';
import { normalisePhone } from '@storesync/schema';

/** A country's name in the app's language where the runtime knows it (Hermes may not): else its code. */
function countryName(country: string, tag: string): string {
  try {
    return new Intl.DisplayNames([tag], { type: 'region' }).of(country) ?? country;
  } catch {
    return country;
  }
}

/** A typed number as E.164, or the catalogue's words for why it is not one. */
export function checkPhone(
  raw: string,
  country: string | null,
  t: T,
  tag: string,
): { e164: string; error?: undefined } | { error: string } {
  const n = normalisePhone(raw, country);
  if ('e164' in n) return n;
  return {
    error:
      n.error === 'needsCountry' || !country
        ? t('remind.phoneNeedsCountry')
        : t('remind.phoneInvalid', { country: countryName(country, tag) }),
  };
}
