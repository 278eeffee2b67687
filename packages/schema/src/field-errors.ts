import type { ZodError } from 'zod';

/** Errors keyed by field path (`name`, `items.0.quantity`); `''` holds those of no field. */
export type FieldErrors = Record<string, string>;

/** A zod failure of a form's input, first message per field: what a form shows next to each field. */
export function zodFieldErrors(error: ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.');
    out[path] ??= issue.message;
  }
  return out;
}
