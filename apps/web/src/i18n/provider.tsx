'use client';

import type { Locale } from '@storesync/i18n';
import { createContext, type ReactNode, useContext, useMemo } from 'react';
import { type I18n, makeI18n } from './format';

const I18nContext = createContext<I18n | null>(null);

/**
 * The dashboard's language for client components: the locale the server chose (the cookie,
 * else Accept-Language) passed down as plain strings, the translator built once per page.
 */
export function I18nProvider({
  locale,
  formatLocale,
  children,
}: {
  locale: Locale;
  formatLocale: string;
  children: ReactNode;
}) {
  const value = useMemo(() => makeI18n(locale, formatLocale), [locale, formatLocale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** Words (`t`) and formats of the page's language. */
export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
