'use client';

import {
  CURRENCIES,
  changedFields,
  defaultCurrency,
  EntityFieldSchemas,
  formatMoney,
} from '@storesync/schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useMemo, useState } from 'react';
import { useStoreSettings } from '~/components/currency';
import { FormActions } from '~/components/forms/form-actions';
import { FormError } from '~/components/forms/form-error';
import { useFormErrors } from '~/components/forms/use-form-errors';
import { Field } from '~/components/ui/field';
import { ErrorState, Loading } from '~/components/ui/states';
import { serverMessage } from '~/i18n/errors';
import { useI18n } from '~/i18n/provider';
import { useTRPC } from '~/trpc/react';

/** The currencies in use today, by their name in the page's language, in its alphabetical order. */
function useCurrencyOptions() {
  const { formatLocale, collator } = useI18n();
  return useMemo(() => {
    const names = new Intl.DisplayNames(formatLocale, { type: 'currency' });
    return CURRENCIES.map((code) => ({ code, name: names.of(code) ?? code })).sort((a, b) =>
      collator.compare(a.name, b.name),
    );
  }, [formatLocale, collator]);
}

/** The fields this card edits (the phone's Settings holds the others). */
const SettingsSchema = EntityFieldSchemas.settings.pick({ currency: true, shopName: true });

/**
 * The store's own settings, shared with every phone of the store: its name and
 * the currency every amount is typed and shown in. Until the owner saves a
 * currency, the browser's locale suggests one.
 */
export function StoreCard() {
  const trpc = useTRPC();
  const { t, locale, formatLocale } = useI18n();
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
      <h2 id="store-heading">{t('dashboard.settings.store')}</h2>
      <form onSubmit={submit} noValidate>
        <Field
          label={t('dashboard.settings.shopName')}
          value={shopName}
          maxLength={200}
          onChange={(e) => edit({ shopName: e.target.value })}
          error={form.errors.shopName}
          hint={t('dashboard.settings.shopNameHint')}
        />
        <div className={['field', form.errors.currency && 'field--invalid'].filter(Boolean).join(' ')}>
          <label htmlFor={currencyId}>{t('dashboard.settings.currency')}</label>
          <select id={currencyId} value={currency} onChange={(e) => edit({ currency: e.target.value })}>
            {options.map((c) => (
              <option key={c.code} value={c.code}>
                {t('dashboard.settings.currencyOption', { name: c.name, code: c.code })}
              </option>
            ))}
          </select>
          <p className="field__hint">
            {t('dashboard.settings.amountsShowAs', { amount: formatMoney(123_456, currency, formatLocale) })}{' '}
            {current.currency
              ? t('dashboard.settings.currencySet')
              : t('dashboard.settings.currencySuggested', { code: suggested })}{' '}
            {t('dashboard.settings.minorUnits')}
          </p>
          {form.errors.currency && <p className="field__error">{form.errors.currency}</p>}
        </div>
        <FormError
          message={
            update.error && !form.errors.currency && !form.errors.shopName
              ? serverMessage(t, locale, update.error)
              : undefined
          }
        />
        {saved && (
          <p className="field__hint" role="status">
            {t('dashboard.settings.saved')}
          </p>
        )}
        <FormActions label={t('dashboard.settings.save')} pending={update.isPending} />
      </form>
    </section>
  );
}
