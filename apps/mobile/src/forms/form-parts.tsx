import type { ReactNode } from 'react';
import { useT } from '../i18n/locale';
import { Button } from '../ui/button';
import { TextField } from '../ui/text-field';
import { FormError } from './form-error';

interface NoteFieldProps {
  value: string;
  onChangeText: (text: string) => void;
  error: string | undefined;
  label?: string;
  placeholder?: string;
}

/** The optional note every row has: up to 2,000 characters (the schema's limit), counted down near the end. */
export function NoteField({ label, ...props }: NoteFieldProps) {
  const t = useT();
  return (
    <TextField label={label ?? t('forms.noteOptional')} multiline maxLength={2000} countDown {...props} />
  );
}

interface FormEndProps {
  /** The form's error of no field (a failed write). */
  error: string | undefined;
  label: string;
  onSave: () => void;
  busy: boolean;
  /** Below the save button, e.g. the delete of an existing entry. */
  footer?: ReactNode;
}

/** The end of every form: its general error, the save button, and what goes under it. */
export function FormEnd({ error, label, onSave, busy, footer }: FormEndProps) {
  return (
    <>
      <FormError message={error} />
      <Button label={label} onPress={onSave} busy={busy} />
      {footer}
    </>
  );
}
