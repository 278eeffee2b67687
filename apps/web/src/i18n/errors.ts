import { LOCALES, type T } from '@storesync/i18n';
import {
  type AmountErrorCode,
  REFUSAL_REASONS,
  type RefusalIssue,
  type RefusalParams,
  type RefusalReason,
} from '@storesync/schema';
import type { z } from 'zod';
import type { FieldErrors } from '~/lib/form-errors';

/**
 * Refusals in the owner's language. The server names why it refused as codes in tRPC's
 * `error.data` (`reason` and `params`, or `issues` for invalid input: docs/protocol.md, Errors);
 * each is shown as its catalogue message. The server's English `message` is never read: it is
 * shown as it is only in English, and only for errors that carry no code (a fault, a limit).
 */

type Validation = keyof typeof LOCALES.en.messages.validation;

/** The schema's own messages (a zod issue's `message`, on either side) → their catalogue key. */
const VALIDATION = new Map<string, Validation>(
  Object.entries(LOCALES.en.messages.validation).map(([key, text]) => [text, key as Validation]),
);

const REASONS = new Set<string>(REFUSAL_REASONS);
const ENTITIES = new Set(['customers', 'debts', 'payments', 'sales']);
type EntityWord = 'customers' | 'debts' | 'payments' | 'sales' | 'other';
const entityOf = (params: RefusalParams | undefined): EntityWord => {
  const entity = String(params?.entity ?? '');
  return ENTITIES.has(entity) ? (entity as EntityWord) : 'other';
};

/** A refusal reason's catalogue message; every reason has one (tsc fails on a new reason without). */
export function reasonMessage(t: T, reason: RefusalReason, params?: RefusalParams): string {
  switch (reason) {
    case 'MISSING_FIELDS':
    case 'NOT_FOUND':
      return t(`errors.${reason}`, { entity: entityOf(params) });
    case 'INVALID_EVENT':
    case 'INVALID_PAYLOAD':
    case 'CUSTOMER_HAS_BALANCE':
    case 'SALE_TOTAL_MISMATCH':
    case 'SALE_NEEDS_CUSTOMER':
    case 'BALANCE_CHANGED':
    case 'DELETED_CLOCK_AHEAD':
    case 'RESYNC_REQUIRED':
      return t(`errors.${reason}`);
    default:
      return reason satisfies never;
  }
}

/** What a failed request says, by tRPC's code, when it carries no reason of ours. */
function byCode(t: T, code: string | undefined): string {
  if (code === 'NOT_FOUND') return t('errors.NOT_FOUND', { entity: 'other' });
  if (code === 'BAD_REQUEST') return t('errors.INVALID_PAYLOAD');
  return t('dashboard.serverFailed');
}

/** A tRPC error as the dashboard receives it (`TRPCClientError`): message and `data`. */
export interface ServerError {
  message: string;
  data?: {
    code?: string;
    reason?: string;
    params?: RefusalParams;
    issues?: RefusalIssue[];
  } | null;
}

/** The reason's message; a reason newer than this dashboard says its code. */
function refusalMessage(t: T, reason: string, params: RefusalParams | undefined): string {
  return REASONS.has(reason)
    ? reasonMessage(t, reason as RefusalReason, params)
    : t('errors.unknown', { code: reason });
}

/**
 * A refused request's message in the owner's language: its reason, or its invalid fields,
 * from `error.data`. Without either, English keeps the server's words (they are English
 * already); other languages say what tRPC's code means.
 */
export function serverMessage(t: T, locale: string, error: ServerError): string {
  const data = error.data;
  if (data?.reason) return refusalMessage(t, data.reason, data.params);
  if (data?.issues?.length) return [...new Set(data.issues.map((i) => issueMessage(t, locale, i)))].join(' ');
  return locale === 'en' ? error.message : byCode(t, data?.code);
}

/** The form field a path belongs to (`items.0.name` → itself when `items` is the form's), or `''`. */
const fieldOf = (path: string, fields: readonly string[]) =>
  fields.some((f) => path === f || path.startsWith(`${f}.`)) ? path : '';

/** A refusal as field errors in the owner's language: each invalid field, or the rule's field, by name. */
export function serverFieldMessages(
  t: T,
  locale: string,
  error: ServerError,
  fields: readonly string[],
): FieldErrors {
  const data = error.data;
  const out: FieldErrors = {};
  if (!data?.reason && data?.issues?.length) {
    for (const issue of data.issues) out[fieldOf(issue.path, fields)] ??= issueMessage(t, locale, issue);
    return out;
  }
  const field = typeof data?.params?.field === 'string' ? fieldOf(data.params.field, fields) : '';
  out[field] = serverMessage(t, locale, error);
  return out;
}

/** A validation issue (zod's own, or one the server lists in `error.data.issues`). */
type Issue = Pick<RefusalIssue, 'code' | 'message' | 'origin'> & { maximum?: unknown };

/** A validation issue in the owner's language: the schema's message, or what zod's code means. */
export function issueMessage(t: T, locale: string, issue: Issue): string {
  const known = VALIDATION.get(issue.message.trim());
  if (known) return t(`validation.${known}`);
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
