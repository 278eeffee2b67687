'use client';

import { formatMoney } from '@storesync/schema';
import { useCallback, useSyncExternalStore } from 'react';
import { defaultCurrency } from '~/lib/money';

const KEY = 'storesync.currency';
const CHANGED = 'storesync:currency';

const subscribe = (onChange: () => void) => {
  window.addEventListener('storage', onChange);
  window.addEventListener(CHANGED, onChange);
  return () => {
    window.removeEventListener('storage', onChange);
    window.removeEventListener(CHANGED, onChange);
  };
};
const read = () => window.localStorage.getItem(KEY) ?? defaultCurrency(navigator.languages);

/** Saves the store's currency for this browser; every amount on the page follows. */
export function setCurrency(currency: string): void {
  window.localStorage.setItem(KEY, currency);
  window.dispatchEvent(new Event(CHANGED));
}

/**
 * The store's currency: the owner's setting, else the one of the browser's
 * locale. Null while rendering on the server, which cannot know either.
 */
export function useCurrency(): string | null {
  return useSyncExternalStore(subscribe, read, () => null);
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
