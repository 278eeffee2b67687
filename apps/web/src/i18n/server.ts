import { isLocale, matchLocale } from '@storesync/i18n';
import { cookies, headers } from 'next/headers';
import { acceptedLanguages, formatLocaleFor } from './accept-language';
import { LOCALE_COOKIE } from './cookie';
import { makeI18n } from './format';

/**
 * The request's language: the one picked in the menu (a cookie), else the first of
 * `Accept-Language` we have (`matchLocale`), else English; numbers and dates in the browser's
 * regional variant of it when it sent one.
 */
export async function requestLocale() {
  const requested = acceptedLanguages((await headers()).get('accept-language'));
  const picked = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = picked && isLocale(picked) ? picked : matchLocale(requested);
  return { locale, formatLocale: formatLocaleFor(locale, requested) };
}

/** `t` and the formats for a server component or `generateMetadata`. */
export async function serverI18n() {
  const { locale, formatLocale } = await requestLocale();
  return makeI18n(locale, formatLocale);
}

/** A page's `<title>`: its name and the brand. */
export async function pageTitle(pick: (t: ReturnType<typeof makeI18n>['t']) => string) {
  const { t } = await serverI18n();
  return { title: `${pick(t)} · StoreSync` };
}
