'use client';

import { CURRENCIES, defaultCurrency, EntityFieldSchemas, formatMoney } from '@storesync/schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useMemo, useState } from 'react';
import { useStoreSettings } from '~/components/currency';
import { FormActions } from '~/components/forms/form-actions';
import { FormError } from '~/components/forms/form-error';
import { useFormErrors } from '~/components/forms/use-form-errors';
import { Field } from '~/components/ui/field';
import { ErrorState, Loading } from '~/components/ui/states';
import { changedFields } from '~/lib/changes';
import { useTRPC } from '~/trpc/react';

/** The currencies in use today, by their name in the browser's language. */
function useCurrencyOptions() {
  return useMemo(() => {
    const names = new Intl.DisplayNames(undefined, { type: 'currency' });
    return CURRENCIES.map((code) => ({ code, name: names.of(code) ?? code })).sort((a, b) =>
      a.name.localeCompare(b.name),
    );
  }, []);
}

const SettingsSchema = EntityFieldSchemas.settings;

/**
 * The store's own settings, shared with every phone of the store: its name and
 * the currency every amount is typed and shown in. Until the owner saves a
 * currency, the browser's locale suggests one.
 */
export function StoreCard() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const settings = useStoreSettings();
  const update = useMutation(trpc.settings.update.mutationOptions());
  const options = useCurrencyOptions();
  const currencyId = useId();
  const form = useFormErrors(['currency', 'shopName']);
  const [draft, setDraft] = useState<{ currency?: string; shopName?: string }>({});
  const [saved, setSaved] = useState(false);

  if (settings.isPending) return <Loading />;
  if (settings.isError) return <ErrorState error={settings.error} onRetry={() => settings.refetch()} />;
  const suggested = defaultCurrency(navigator.languages);
  const current = settings.data;
  const currency = draft.currency ?? current.currency ?? suggested;
  const shopName = draft.shopName ?? current.shopName ?? '';
  const edit = (patch: typeof draft) => {
    setSaved(false);
    setDraft((d) => ({ ...d, ...patch }));
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const data = form.check(SettingsSchema, { currency, shopName: shopName.trim() || null });
    if (!data) return;
    const changed = changedFields({ currency: current.currency, shopName: current.shopName }, data);
    if (Object.keys(changed).length === 0) return setSaved(true);
    update.mutate(changed, {
      onSuccess: (next) => {
        queryClient.setQueryData(trpc.settings.get.queryKey(), next);
        setDraft({});
        setSaved(true);
      },
      onError: form.fromServer,
    });
  };

  return (
    <section className="card settings" aria-labelledby="store-heading">
      <h2 id="store-heading">Store</h2>
      <form onSubmit={submit} noValidate>
        <Field
          label="Shop name"
          value={shopName}
          maxLength={200}
          onChange={(e) => edit({ shopName: e.target.value })}
          error={form.errors.shopName}
          hint="Shown on every device of the store."
        />
        <div className={['field', form.errors.currency && 'field--invalid'].filter(Boolean).join(' ')}>
          <label htmlFor={currencyId}>Currency</label>
          <select id={currencyId} value={currency} onChange={(e) => edit({ currency: e.target.value })}>
            {options.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name} ({c.code})
              </option>
            ))}
          </select>
          <p className="field__hint">
            Amounts show as {formatMoney(123_456, currency)}.{' '}
            {current.currency
              ? 'Every phone and browser of the store uses it.'
              : `Not set yet: your browser’s language suggests ${suggested}. Save to set it for every phone and browser of the store.`}{' '}
            Amounts are stored in the currency’s smallest unit, so changing it changes only how they are
            shown.
          </p>
          {form.errors.currency && <p className="field__error">{form.errors.currency}</p>}
        </div>
        <FormError
          message={
            update.error && !form.errors.currency && !form.errors.shopName ? update.error.message : undefined
          }
        />
        {saved && (
          <p className="field__hint" role="status">
            Saved for every device of the store.
          </p>
        )}
        <FormActions label="Save" pending={update.isPending} />
      </form>
    </section>
  );
}
