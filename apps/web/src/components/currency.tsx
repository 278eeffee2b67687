'use client';

import { formatMoney } from '@storesync/schema';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useSyncExternalStore } from 'react';
import { defaultCurrency } from '~/lib/money';
import { useTRPC } from '~/trpc/react';

const never = () => () => {};
/** The browser's suggestion: its preferred locales' region. Null on the server, which cannot know it. */
const useSuggestedCurrency = (): string | null =>
  useSyncExternalStore(
    never,
    () => defaultCurrency(navigator.languages),
    () => null,
  );

/** The store's settings (currency, shop name), the synced row every device shares. */
export function useStoreSettings() {
  const trpc = useTRPC();
  return useQuery(trpc.settings.get.queryOptions(undefined, { staleTime: 60_000 }));
}

/**
 * The store's currency: the one set for the store (by any device), else the
 * one the browser's locale suggests. Null while it loads, and on the server.
 */
export function useCurrency(): string | null {
  const settings = useStoreSettings();
  const suggested = useSuggestedCurrency();
  if (!settings.data) return settings.isError ? suggested : null;
  return settings.data.currency ?? suggested;
}

/** Formats minor units in the store's currency. */
export function useFormatMoney(): (minor: number) => string {
  const currency = useCurrency();
  return useCallback((minor: number) => (currency ? formatMoney(minor, currency) : ''), [currency]);
}

/** An amount in minor units, in the store's currency. */
export function Money({ value, className }: { value: number; className?: string }) {
  const format = useFormatMoney();
  return <span className={['money', className].filter(Boolean).join(' ')}>{format(value)}</span>;
}
