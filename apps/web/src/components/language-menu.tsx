'use client';

import { LOCALE_CODES, LOCALES } from '@storesync/i18n';
import { useId } from 'react';
import { LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE } from '~/i18n/cookie';
import { useI18n } from '~/i18n/provider';

/**
 * The language menu: each language by its own name. The choice is remembered in a cookie the
 * server reads (before Accept-Language), and the page reloads in it, `lang` and `dir` included.
 */
export function LanguageMenu() {
  const { locale, t } = useI18n();
  const id = useId();
  return (
    <div className="language-menu">
      <label htmlFor={id} className="visually-hidden">
        {t('dashboard.language')}
      </label>
      <select
        id={id}
        value={locale}
        onChange={(e) => {
          // biome-ignore lint/suspicious/noDocumentCookie: a plain preference cookie the server reads; no Cookie Store API needed
          document.cookie = `${LOCALE_COOKIE}=${e.target.value}; path=/; max-age=${LOCALE_COOKIE_MAX_AGE}; samesite=lax`;
          window.location.reload();
        }}
      >
        {LOCALE_CODES.map((code) => (
          <option key={code} value={code} lang={code} dir={LOCALES[code].dir}>
            {LOCALES[code].name}
          </option>
        ))}
      </select>
    </div>
  );
}
