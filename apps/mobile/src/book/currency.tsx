import { defaultCurrency, formatMoney } from '@storesync/schema';
import { useSettings } from '@storesync/sync-client/react';
import { createContext, type ReactNode, useCallback, useContext, useMemo } from 'react';
import { useLocale } from '../i18n/locale';
import { useBook } from './book-provider';

interface CurrencyValue {
  /** The store's currency, or the suggestion of this phone's locale until the store sets one. */
  currency: string;
  /** Whether the store has set its currency (on any device). */
  isSet: boolean;
  shopName: string | null;
  /** Sets the store's currency and name for every device (a synced change like any other). */
  setStore: (patch: { currency?: string; shopName?: string | null }) => Promise<void>;
  /** Minor units in the store's currency, in the app's language: `Ksh 1,500.00` in en-KE, `Rs 1,500.00` in ur-PK. */
  money: (minor: number) => string;
}

const CurrencyContext = createContext<CurrencyValue | null>(null);

/** This phone's locale (Hermes' Intl reports the device's), for the suggestion. */
const SUGGESTED = defaultCurrency([Intl.DateTimeFormat().resolvedOptions().locale]);

/** The store's currency and name, from its synced settings row: the same on every device. */
export function CurrencyProvider({ children }: { children: ReactNode }) {
  const { book } = useBook();
  const settings = useSettings(book);
  const currency = settings?.currency ?? SUGGESTED;
  const setStore = useCallback(
    async (patch: { currency?: string; shopName?: string | null }) => {
      await book.settings.set(patch);
    },
    [book],
  );
  const { tag } = useLocale();
  const money = useCallback((minor: number) => formatMoney(minor, currency, tag), [currency, tag]);
  const value = useMemo(
    () => ({ currency, isSet: !!settings?.currency, shopName: settings?.shopName ?? null, setStore, money }),
    [currency, settings, setStore, money],
  );
  return <CurrencyContext.Provider value={value}>{children}</CurrencyContext.Provider>;
}

export function useCurrency(): CurrencyValue {
  const value = useContext(CurrencyContext);
  if (!value) throw new Error('useCurrency outside CurrencyProvider');
  return value;
}
