import { LOCALES, type T } from '@storesync/i18n';
import { type AmountErrorCode, REJECT_CODES } from '@storesync/schema';
import type { z } from 'zod';
import { type FieldErrors, serverFieldErrors } from '~/lib/form-errors';

/**
 * Refusals in the owner's language. The schema's checks and the server's refusals carry codes
 * or the schema's own English wording (the catalogue's `validation.*`, which the server sends
 * back as `path: message`); each is shown as its message in the catalogue, never as the English.
 */

type Validation = keyof typeof LOCALES.en.messages.validation;

/** The schema's English messages → their catalogue key. */
const VALIDATION = new Map<string, Validation>(
  Object.entries(LOCALES.en.messages.validation).map(([key, text]) => [text, key as Validation]),
);

const REJECT = new Set<string>(REJECT_CODES);

/** The entity a server's "No such customer" (or a NOT_FOUND rejection) is about. */
const ENTITY: Record<string, 'customers' | 'debts' | 'payments' | 'sales'> = {
  customer: 'customers',
  debt: 'debts',
  payment: 'payments',
  repayment: 'payments',
  sale: 'sales',
};

/**
 * One message of the schema or the server in `t`'s language; null when it is none we know
 * (the caller then falls back by the error's code).
 */
export function knownMessage(t: T, message: string): string | null {
  const validation = VALIDATION.get(message.trim());
  if (validation) return t(`validation.${validation}`);
  // A push reject code leading the message ("CUSTOMER_HAS_BALANCE: the customer owes …").
  const code = /^([A-Z_]+)(?::|$)/.exec(message)?.[1];
  if (code && REJECT.has(code)) return rejected(t, code, message);
  const missing = /^No such (customer|debt|payment|repayment|sale)\b/i.exec(message)?.[1];
  if (missing) return t('errors.NOT_FOUND', { entity: ENTITY[missing.toLowerCase()] ?? 'other' });
  return null;
}

function rejected(t: T, code: string, message: string): string {
  const entity = ENTITY[/\b(customer|debt|payment|sale)s?\b/.exec(message)?.[1] ?? ''] ?? 'other';
  switch (code) {
    case 'MISSING_FIELDS':
      return t('errors.MISSING_FIELDS', { entity });
    case 'NOT_FOUND':
      return t('errors.NOT_FOUND', { entity });
    case 'INVALID_EVENT':
    case 'INVALID_PAYLOAD':
    case 'CUSTOMER_HAS_BALANCE':
    case 'SALE_TOTAL_MISMATCH':
    case 'SALE_NEEDS_CUSTOMER':
      return t(`errors.${code}`);
    default:
      return t('errors.unknown', { code });
  }
}

/** What a failed request says, by its tRPC code when its message is none we know. */
function byCode(t: T, code: string | undefined): string {
  if (code === 'NOT_FOUND') return t('errors.NOT_FOUND', { entity: 'other' });
  if (code === 'CONFLICT') return t('errors.CUSTOMER_HAS_BALANCE');
  if (code === 'BAD_REQUEST') return t('errors.INVALID_PAYLOAD');
  return t('dashboard.serverFailed');
}

export interface ServerError {
  message: string;
  data?: { code?: string } | null;
}

/**
 * A refused request's message in the owner's language. English keeps an unknown message as the
 * server wrote it (it is English already); other languages say what the code means.
 */
export function serverMessage(t: T, locale: string, error: ServerError): string {
  const parts = error.message.split('; ').map((part) => {
    const text = /^[\w.]+: (.+)$/.exec(part)?.[1] ?? part;
    return knownMessage(t, part) ?? knownMessage(t, text);
  });
  if (parts.every((p) => p !== null)) return parts.join(' ');
  return locale === 'en' ? error.message : byCode(t, error.data?.code);
}

/** A refusal as field errors, each in the owner's language (the form's own fields by name). */
export function serverFieldMessages(
  t: T,
  locale: string,
  error: ServerError,
  fields: readonly string[],
): FieldErrors {
  const english = serverFieldErrors(error.message, fields);
  return Object.fromEntries(
    Object.entries(english).map(([field, message]) => [
      field,
      knownMessage(t, message) ?? (locale === 'en' ? message : byCode(t, error.data?.code)),
    ]),
  );
}

/** A zod issue of the form's own check, in the owner's language. */
export function issueMessage(t: T, locale: string, issue: z.core.$ZodIssue): string {
  const known = knownMessage(t, issue.message);
  if (known) return known;
  if (locale === 'en') return issue.message;
  if (issue.code === 'too_big' && typeof issue.maximum === 'number')
    return issue.origin === 'string'
      ? t('dashboard.invalid.tooLong', { max: issue.maximum })
      : t('dashboard.invalid.tooBig', { max: issue.maximum });
  if (issue.code === 'invalid_format') return t('dashboard.invalid.date');
  return t('dashboard.invalid.other');
}

/** Zod's failure as field errors in the owner's language, first message per field. */
export function zodMessages(t: T, locale: string, error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) out[issue.path.map(String).join('.')] ??= issueMessage(t, locale, issue);
  return out;
}

/** `parseAmount`'s refusal (its code and params) in the owner's language. */
export const amountMessage = (
  t: T,
  failure: { code: AmountErrorCode; params: Record<string, string | number> },
) =>
  // The params are the code's own (the package's amount-errors test checks each code's).
  (t as (key: string, params: Record<string, string | number>) => string)(
    `amount.${failure.code}`,
    failure.params,
  );
