'use client';

import { formatMoney } from '@storesync/schema';
import { useId, useMemo } from 'react';
import { setCurrency, useCurrency } from '~/components/currency';
import { Loading } from '~/components/ui/states';
import { defaultCurrency } from '~/lib/money';
import { DevicesCard } from './devices-card';

/** Every currency the browser can format, by its name in the browser's language. */
function useCurrencies() {
  return useMemo(() => {
    const names = new Intl.DisplayNames(undefined, { type: 'currency' });
    return Intl.supportedValuesOf('currency')
      .map((code) => ({ code, name: names.of(code) ?? code }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }, []);
}

/**
 * The store's currency (how amounts are typed and shown; they are stored as whole minor units
 * either way) and the devices signed in to it.
 */
export function SettingsView() {
  const currency = useCurrency();
  const currencies = useCurrencies();
  const id = useId();
  if (!currency) return <Loading />;
  const suggested = defaultCurrency(navigator.languages);
  return (
    <>
      <div className="page-header">
        <h1>Settings</h1>
      </div>
      <section className="card settings">
        <h2>Currency</h2>
        <div className="field">
          <label htmlFor={id}>Store currency</label>
          <select id={id} value={currency} onChange={(e) => setCurrency(e.target.value)}>
            {currencies.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name} ({c.code})
              </option>
            ))}
          </select>
          <p className="field__hint">
            Amounts show as {formatMoney(123_456, currency)}. Your browser’s language suggests {suggested}.
            This setting is kept in this browser; amounts are stored as whole cents (or the currency’s
            smallest unit), so changing it changes only how they are shown.
          </p>
        </div>
      </section>
      <DevicesCard />
    </>
  );
}
