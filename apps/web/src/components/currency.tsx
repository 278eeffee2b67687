'use client';

import { defaultCurrency, formatMoney } from '@storesync/schema';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useSyncExternalStore } from 'react';
import { useI18n } from '~/i18n/provider';
import { useTRPC } from '~/trpc/react';

const never = () => () => {};
/** The browser's suggestion: its preferred locales' region. Null on the server, which cannot know it. */
const useSuggestedCurrency = (): string | null =>
  useSyncExternalStore(
    never,
    () => defaultCurrency(navigator.languages),
    () => null,
  );

// The store's currency as last read, kept in this browser only so that a page
// load shows amounts at once instead of blanks until the settings arrive; the
// store's setting replaces it as soon as they do. '' is "none set".
const CACHE_KEY = 'storesync.store-currency';
const useCachedCurrency = (): string | null =>
  useSyncExternalStore(
    never,
    () => window.localStorage.getItem(CACHE_KEY),
    () => null,
  );

/** The store's settings (currency, shop name), the synced row every device shares. */
export function useStoreSettings() {
  const trpc = useTRPC();
  return useQuery(trpc.settings.get.queryOptions(undefined, { staleTime: 60_000 }));
}

/**
 * The store's currency: the one set for the store (by any device), else the
 * one the browser's locale suggests. Null while it loads for the first time in
 * this browser, and on the server.
 */
export function useCurrency(): string | null {
  const settings = useStoreSettings();
  const suggested = useSuggestedCurrency();
  const cached = useCachedCurrency();
  const stored = settings.data?.currency;
  useEffect(() => {
    if (stored !== undefined) window.localStorage.setItem(CACHE_KEY, stored ?? '');
  }, [stored]);
  if (stored !== undefined) return stored ?? suggested;
  if (settings.isError) return suggested;
  return cached === null ? null : cached || suggested;
}

/** Formats minor units in the store's currency and the page's language (Indian grouping in hi). */
export function useFormatMoney(): (minor: number) => string {
  const currency = useCurrency();
  const { formatLocale } = useI18n();
  return useCallback(
    (minor: number) => (currency ? formatMoney(minor, currency, formatLocale) : ''),
    [currency, formatLocale],
  );
}

/** An amount in minor units, in the store's currency; isolated (CSS) so it reads whole in any direction. */
export function Money({ value, className }: { value: number; className?: string }) {
  const format = useFormatMoney();
  return <span className={['money', className].filter(Boolean).join(' ')}>{format(value)}</span>;
}
