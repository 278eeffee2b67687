import type { FieldErrors } from '@storesync/schema';

export { type FieldErrors, zodFieldErrors } from '@storesync/schema';

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
