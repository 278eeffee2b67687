import { formatter, LOCALES, matchLocale, translator } from '@storesync/i18n';

/**
 * Proof that @storesync/i18n type-checks and runs in the dashboard's build (issue 21): not yet
 * imported by a page. A server component would pick the locale from Accept-Language like this.
 */
export function verifyI18n(
  acceptLanguage: string,
  now = new Date(),
): { lang: string; dir: string; lines: string[] } {
  const locale = matchLocale(acceptLanguage.split(',').map((part) => part.split(';')[0] ?? ''));
  const t = translator(locale);
  return {
    lang: locale,
    dir: LOCALES[locale].dir,
    lines: [
      t('today.customersOwing', { count: 3 }),
      t('errors.NOT_FOUND', { entity: 'customers' }),
      formatter(locale, { now }).relativeTime(new Date(now.getTime() - 86_400_000), now),
    ],
  };
}
