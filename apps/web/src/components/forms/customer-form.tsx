'use client';

import { isLocale, LOCALE_CODES, LOCALES } from '@storesync/i18n';
import { CustomerCreateInputSchema, normalisePhone } from '@storesync/schema';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { Field, TextAreaField } from '~/components/ui/field';
import { useI18n } from '~/i18n/provider';
import { useTRPC } from '~/trpc/react';
import { FormActions } from './form-actions';
import { FormError } from './form-error';
import { useFormErrors } from './use-form-errors';

export interface CustomerFormValues {
  id: string;
  name: string;
  phone: string | null;
  note: string | null;
  /** The language the customer reads (statements, reminders); null: the store's. */
  language?: string | null;
}

interface CustomerFormProps {
  /** The customer to edit; a new one without. */
  customer?: CustomerFormValues;
  onDone: (id: string) => void;
  onCancel: () => void;
}

const FIELDS = ['name', 'phone', 'note', 'language'] as const;

/** A country's name in the dashboard's language. */
const regionName = (country: string, locale: string) =>
  new Intl.DisplayNames([locale], { type: 'region' }).of(country) ?? country;

/** The browser's region (`KE` of `sw-KE`): the store's country until the store sets one. */
function browserRegion(): string | null {
  for (const tag of navigator.languages) {
    const region = tag.split('-').find((p, i) => i > 0 && /^[A-Z]{2}$/.test(p));
    if (region) return region;
  }
  return null;
}

/** Create or edit a customer; an edit sends only the fields that changed. */
export function CustomerForm({ customer, onDone, onCancel }: CustomerFormProps) {
  const trpc = useTRPC();
  const { t, locale } = useI18n();
  const country = useQuery(trpc.reminders.country.queryOptions(undefined, { staleTime: 60_000 }));
  const [name, setName] = useState(customer?.name ?? '');
  const [phone, setPhone] = useState(customer?.phone ?? '');
  const [note, setNote] = useState(customer?.note ?? '');
  const [language, setLanguage] = useState(customer?.language ?? '');
  const languageId = useId();
  const form = useFormErrors(FIELDS);
  const create = useMutation(trpc.customers.create.mutationOptions());
  const update = useMutation(trpc.customers.update.mutationOptions());
  const busy = create.isPending || update.isPending;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    // Numbers are stored as E.164 (what wa.me and sms: want), read as the store's country's; an
    // older number that cannot be read stays as typed until it is edited.
    const typed = phone.trim() || null;
    // Saved before the store's country has arrived, it is waited for rather than guessed.
    const store = country.data ?? (typed ? (await country.refetch()).data : undefined);
    const region = store?.country ?? browserRegion();
    const read = typed && typed !== customer?.phone ? normalisePhone(typed, region) : null;
    const own: Record<string, string> =
      read && 'error' in read
        ? {
            phone:
              read.error === 'needsCountry' || !region
                ? t('remind.phoneNeedsCountry')
                : t('remind.phoneInvalid', { country: regionName(region, locale) }),
          }
        : {};
    const data = form.check(
      CustomerCreateInputSchema,
      {
        name,
        phone: read && 'e164' in read ? read.e164 : typed,
        note: note.trim() || null,
        language: language || null,
      },
      own,
    );
    if (!data) return;
    const done = { onSuccess: (row: { id: string }) => onDone(row.id), onError: form.fromServer };
    if (!customer) return create.mutate(data, done);
    const changed = Object.fromEntries(
      FIELDS.filter((f) => (data[f] ?? null) !== (customer[f] ?? null)).map((f) => [f, data[f] ?? null]),
    );
    if (Object.keys(changed).length === 0) return onDone(customer.id);
    update.mutate({ id: customer.id, ...changed }, done);
  };

  return (
    <form onSubmit={submit} noValidate>
      <Field
        label={t('dashboard.forms.name')}
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={form.errors.name}
        autoComplete="off"
        required
        autoFocus
      />
      <Field
        label={t('dashboard.forms.phone')}
        type="tel"
        value={phone}
        onChange={(e) => setPhone(e.target.value)}
        error={form.errors.phone}
        autoComplete="off"
        dir="ltr"
      />
      <TextAreaField
        label={t('dashboard.forms.note')}
        value={note}
        onChange={setNote}
        error={form.errors.note}
      />
      <div className={['field', form.errors.language && 'field--invalid'].filter(Boolean).join(' ')}>
        <label htmlFor={languageId}>{t('statement.links.language')}</label>
        <select id={languageId} value={language} onChange={(e) => setLanguage(e.target.value)}>
          <option value="">{t('statement.links.storeDefault')}</option>
          {LOCALE_CODES.map((code) => (
            <option key={code} value={code} lang={code}>
              {LOCALES[code].name}
            </option>
          ))}
          {language && !isLocale(language) && <option value={language}>{language}</option>}
        </select>
        {form.errors.language && <p className="field__error">{form.errors.language}</p>}
      </div>
      <FormError message={form.errors['']} />
      <FormActions
        label={customer ? t('common.saveChanges') : t('dashboard.forms.addCustomer')}
        pending={busy}
        onCancel={onCancel}
      />
    </form>
  );
}
