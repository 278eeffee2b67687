import { CustomerFieldsSchema, changedFields } from '@storesync/schema';
import type { Row } from '@storesync/sync-client';
import { useState } from 'react';
import { useBook } from '../book/book-provider';
import { useT } from '../i18n/locale';
import { Screen } from '../ui/layout';
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
  const form = useFieldErrors();
  const t = useT();

  const save = async () => {
    const data = form.check(CustomerFieldsSchema, {
      name,
      phone: phone.trim() || null,
      note: note.trim() || null,
    });
    if (!data) return;
    await form.write(async () => {
      const fields = { name: data.name, phone: data.phone ?? null, note: data.note ?? null };
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
