import { LOCALES, type T } from '@storesync/i18n';
import { type FieldErrors, zodFieldErrors } from '@storesync/schema';
import { useCallback, useState } from 'react';
import type { z } from 'zod';
import { useT } from '../i18n/locale';

/** The schema's messages are its English texts: each is found in the catalogue's `validation` by that text. */
type ValidationKey = keyof typeof LOCALES.en.messages.validation;
const VALIDATION = new Map<string, ValidationKey>(
  Object.entries(LOCALES.en.messages.validation).map(([key, text]) => [text, key as ValidationKey]),
);

/** A field's error in the app's language; a message the catalogue lacks (zod's own) stays as it is. */
export function localizeErrors(t: T, errors: FieldErrors): FieldErrors {
  return Object.fromEntries(
    Object.entries(errors).map(([field, message]) => {
      const key = VALIDATION.get(message);
      return [field, key ? t(`validation.${key}`) : message];
    }),
  );
}

/**
 * A form's errors, by field: `check` validates with the shared input schema
 * (the server's own rules) and returns the parsed values, or null with each
 * reason set next to its field.
 */
export function useFieldErrors() {
  const t = useT();
  const [errors, setErrors] = useState<FieldErrors>({});
  const check = useCallback(
    <S extends z.ZodType>(schema: S, data: unknown): z.output<S> | null => {
      const parsed = schema.safeParse(data);
      setErrors(parsed.success ? {} : localizeErrors(t, zodFieldErrors(parsed.error)));
      return parsed.success ? parsed.data : null;
    },
    [t],
  );
  /** An error of the whole form (a failed write), shown above its buttons. */
  const fail = useCallback((error: unknown) => {
    setErrors({ '': error instanceof Error ? error.message : String(error) });
  }, []);
  const [busy, setBusy] = useState(false);
  /** Runs the form's write: busy meanwhile; on failure the reason shows and the owner can try again. */
  const write = useCallback(
    async (run: () => Promise<void>) => {
      setBusy(true);
      try {
        await run();
      } catch (error) {
        fail(error);
        setBusy(false);
      }
    },
    [fail],
  );
  return { errors, check, fail, setErrors, busy, write };
}
