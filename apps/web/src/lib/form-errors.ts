import type { ZodError } from 'zod';

/** Errors keyed by field path (`name`, `items.0.quantity`); `''` holds those of no field. */
export type FieldErrors = Record<string, string>;

/** A zod failure of a form's input, first message per field. */
export function zodFieldErrors(error: ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.');
    out[path] ??= issue.message;
  }
  return out;
}

/**
 * A server error message as field errors. The API names offending paths as
 * `path: message; path2: message` (input validation and sync rejections alike,
 * e.g. `payload.amount: …`); anything else is the form's general error.
 */
export function serverFieldErrors(message: string, fields: readonly string[]): FieldErrors {
  const out: FieldErrors = {};
  for (const part of message.split('; ')) {
    const match = /^(?:payload\.)?([\w.]+): (.+)$/.exec(part);
    const path = match?.[1];
    const field = path && fields.find((f) => path === f || path.startsWith(`${f}.`)) ? path : null;
    if (field && match?.[2]) out[field] ??= match[2];
    else out[''] = out[''] ? `${out['']} ${part}` : part;
  }
  return out;
}
