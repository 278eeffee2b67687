import { formatMoney, minorDigits } from '@storesync/schema';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { saved } from './saved';

const KEY = 'storesync.currency';
const FALLBACK = 'USD';

/** Whether `code` is a currency this device's Intl knows. */
export function isCurrency(code: string): boolean {
  if (!/^[A-Z]{3}$/.test(code)) return false;
  try {
    minorDigits(code);
    return true;
  } catch {
    return false;
  }
}

interface CurrencyValue {
  currency: string;
  setCurrency: (code: string) => Promise<void>;
  /** Minor units in the store's currency, e.g. `KES 1,500.00`. */
  money: (minor: number) => string;
}

const CurrencyContext = createContext<CurrencyValue | null>(null);

/**
 * The store's currency on this phone. Kept per device until the store's
 * settings sync (issue 12 §3); amounts are integers either way.
 */
export function CurrencyProvider({ children }: { children: ReactNode }) {
  const [currency, setState] = useState(FALLBACK);
  useEffect(() => {
    saved.get(KEY).then((code) => code && isCurrency(code) && setState(code));
  }, []);
  const setCurrency = useCallback(async (code: string) => {
    await saved.set(KEY, code);
    setState(code);
  }, []);
  const money = useCallback((minor: number) => formatMoney(minor, currency), [currency]);
  const value = useMemo(() => ({ currency, setCurrency, money }), [currency, setCurrency, money]);
  return <CurrencyContext.Provider value={value}>{children}</CurrencyContext.Provider>;
}

export function useCurrency(): CurrencyValue {
  const value = useContext(CurrencyContext);
  if (!value) throw new Error('useCurrency outside CurrencyProvider');
  return value;
}
