import { LOCALE_CODES, LOCALES } from '@storesync/i18n';
import { CustomerFieldsSchema, changedFields } from '@storesync/schema';
import type { Row } from '@storesync/sync-client';
import { useState } from 'react';
import { useBook } from '../book/book-provider';
import { useLocale } from '../i18n/locale';
import { checkPhone } from '../remind/phone-error';
import { useRemindSettings } from '../remind/remind-settings';
import { Button } from '../ui/button';
import { Row as Line, Muted, Screen } from '../ui/layout';
import { TextField } from '../ui/text-field';
import { FormEnd, NoteField } from './form-parts';
import { useFieldErrors } from './use-field-errors';

interface CustomerFormProps {
  row?: Row<'customers'>;
  /** Values to start from: a change the server refused, to fix and save again. */
  draft?: Partial<Row<'customers'>> | null;
  onDone: (id: string) => void;
}

/** Adds a customer, or edits one (sending only the fields that changed). */
export function CustomerForm({ row, draft, onDone }: CustomerFormProps) {
  const start = { ...row, ...draft };
  const { book } = useBook();
  const [name, setName] = useState(start.name ?? '');
  const [phone, setPhone] = useState(start.phone ?? '');
  const [note, setNote] = useState(start.note ?? '');
  const [language, setLanguage] = useState<string | null>(start.language ?? null);
  const form = useFieldErrors();
  const { t, tag } = useLocale();
  const { country } = useRemindSettings();

  const save = async () => {
    const data = form.check(CustomerFieldsSchema, {
      name,
      phone: phone.trim() || null,
      note: note.trim() || null,
    });
    if (!data) return;
    // A number is stored as E.164 (what wa.me and sms: want); one kept from before that cannot be
    // read is left as it was typed unless it is edited.
    let stored = data.phone ?? null;
    if (stored && stored !== row?.phone) {
      const checked = checkPhone(stored, country, t, tag);
      if (checked.error !== undefined) {
        form.setErrors({ phone: checked.error });
        return;
      }
      stored = checked.e164;
    }
    await form.write(async () => {
      const fields = { name: data.name, phone: stored, note: data.note ?? null, language };
      const saved = row
        ? await book.customers.update(row.id, changedFields(row, fields))
        : await book.customers.create(fields);
      onDone(saved.id);
    });
  };

  return (
    <Screen>
      <TextField
        label={t('forms.name')}
        value={name}
        onChangeText={setName}
        error={form.errors.name}
        maxLength={200}
        autoFocus={!row}
      />
      <TextField
        label={t('forms.phoneOptional')}
        value={phone}
        onChangeText={setPhone}
        error={form.errors.phone}
        keyboardType="phone-pad"
        maxLength={32}
      />
      <Muted>{t('remind.language')}</Muted>
      <Line>
        {[null, ...LOCALE_CODES].map((code) => (
          <Button
            key={code ?? 'shop'}
            compact
            variant={language === code ? 'primary' : 'secondary'}
            label={code ? LOCALES[code].name : t('remind.shopLanguage')}
            onPress={() => setLanguage(code)}
          />
        ))}
      </Line>
      <NoteField value={note} onChangeText={setNote} error={form.errors.note} />
      <FormEnd
        error={form.errors['']}
        label={row ? t('common.saveChanges') : t('forms.addCustomer')}
        onSave={save}
        busy={form.busy}
      />
    </Screen>
  );
}
