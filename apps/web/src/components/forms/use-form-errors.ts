'use client';

import { useState } from 'react';
import type { z } from 'zod';
import { type FieldErrors, serverFieldErrors, zodFieldErrors } from '~/lib/form-errors';

/**
 * A form's errors: `check` validates the input with the server's own zod
 * schema before sending; `fromServer` puts a refused request's message next
 * to the fields it names.
 */
export function useFormErrors(fields: readonly string[]) {
  const [errors, setErrors] = useState<FieldErrors>({});
  return {
    errors,
    check<S extends z.ZodType>(schema: S, input: unknown): z.output<S> | null {
      const parsed = schema.safeParse(input);
      if (parsed.success) {
        setErrors({});
        return parsed.data;
      }
      setErrors(zodFieldErrors(parsed.error));
      return null;
    },
    fromServer(error: { message: string }) {
      setErrors(serverFieldErrors(error.message, fields));
    },
  };
}
