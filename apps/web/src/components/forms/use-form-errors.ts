'use client';

import { useState } from 'react';
import type { z } from 'zod';
import { type ServerError, serverFieldMessages, zodMessages } from '~/i18n/errors';
import { useI18n } from '~/i18n/provider';
import type { FieldErrors } from '~/lib/form-errors';

/**
 * A form's errors: `check` validates the input with the server's own zod
 * schema before sending, together with errors the form found itself (an amount
 * `parseAmount` could not read); `fromServer` puts a refused request's message next
 * to the fields it names. Both in the page's language (the catalogue's messages for the
 * schema's checks and the server's codes). `attempt` counts the times errors were set, so a
 * field can tell an error it has since been edited past from a new one.
 */
export function useFormErrors(fields: readonly string[]) {
  const { t, locale } = useI18n();
  const [state, setState] = useState<{ errors: FieldErrors; attempt: number }>({ errors: {}, attempt: 0 });
  const set = (errors: FieldErrors) => setState((s) => ({ errors, attempt: s.attempt + 1 }));
  return {
    errors: state.errors,
    attempt: state.attempt,
    check<S extends z.ZodType>(schema: S, input: unknown, own: FieldErrors = {}): z.output<S> | null {
      const parsed = schema.safeParse(input);
      const found = { ...(parsed.success ? {} : zodMessages(t, locale, parsed.error)), ...own };
      set(found);
      return parsed.success && Object.keys(found).length === 0 ? parsed.data : null;
    },
    fromServer(error: ServerError) {
      set(serverFieldMessages(t, locale, error, fields));
    },
  };
}
