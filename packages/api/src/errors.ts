import type { RefusalIssue, RefusalParams, RefusalReason } from '@storesync/schema';
import { TRPCError } from '@trpc/server';
import { ZodError } from 'zod';

/** A validation failure as one line that names each offending path, e.g. `events.3.op: Invalid option`. */
export const describeZodError = (error: ZodError, prefix = ''): string =>
  error.issues
    .map((i) => {
      const path = [prefix, ...i.path.map(String)].filter((p) => p !== '').join('.');
      return `${path || 'input'}: ${i.message}`;
    })
    .join('; ');

/**
 * A refusal a client shows in its owner's language: `reason` (and `params`) travel in
 * `error.data` beside tRPC's `data.code`, which stays as it was; `message` stays English for
 * API clients. Throw this wherever a procedure refuses for a reason a user can act on.
 */
export class RefusedError extends TRPCError {
  readonly reason: RefusalReason;
  readonly params: RefusalParams;
  constructor(opts: {
    code: 'BAD_REQUEST' | 'NOT_FOUND' | 'CONFLICT';
    reason: RefusalReason;
    message: string;
    params?: RefusalParams;
  }) {
    super({ code: opts.code, message: opts.message });
    this.reason = opts.reason;
    this.params = opts.params ?? {};
  }
}

/** What `error.data` adds to tRPC's shape: a refusal's reason and params, or each invalid field. */
export interface RefusalData {
  reason?: RefusalReason;
  params?: RefusalParams;
  issues?: RefusalIssue[];
}

/** The codes of an error for `error.data`: empty for errors that are no refusal (auth, limits, faults). */
export function refusalData(error: unknown): RefusalData {
  if (error instanceof RefusedError) return { reason: error.reason, params: error.params };
  const cause = error instanceof TRPCError ? error.cause : error;
  if (!(cause instanceof ZodError)) return {};
  const issues = cause.issues.map((i): RefusalIssue => {
    const bounds = i as { minimum?: unknown; maximum?: unknown; origin?: unknown };
    return {
      path: i.path.map(String).join('.'),
      code: i.code,
      message: i.message,
      ...(typeof bounds.minimum === 'number' && { minimum: bounds.minimum }),
      ...(typeof bounds.maximum === 'number' && { maximum: bounds.maximum }),
      ...(typeof bounds.origin === 'string' && { origin: bounds.origin }),
    };
  });
  return { issues };
}

/** An error the caller should retry after a while: every door sends `Retry-After: <seconds>` with it. */
export class RetryLaterError extends TRPCError {
  readonly retryAfterSeconds: number;
  constructor(opts: {
    code: 'TOO_MANY_REQUESTS' | 'SERVICE_UNAVAILABLE';
    message: string;
    retryAfterSeconds: number;
    cause?: unknown;
  }) {
    super({ code: opts.code, message: opts.message, cause: opts.cause });
    this.retryAfterSeconds = Math.max(1, Math.ceil(opts.retryAfterSeconds));
  }
}

/** The `Retry-After` header for an error, if it asks the caller to come back later. */
export const retryAfterHeader = (error: unknown): Record<string, string> =>
  error instanceof RetryLaterError ? { 'retry-after': String(error.retryAfterSeconds) } : {};

/** How long a client waits before trying again when the database is unreachable. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

// Node socket errors, SQLSTATE class 08 (connection exception), shutdown (57P01-3),
// too many clients (53300), and Prisma's codes for the same (can't reach, closed, pool timeout).
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'EAI_AGAIN',
  '08000',
  '08001',
  '08003',
  '08006',
  '57P01',
  '57P02',
  '57P03',
  '53300',
  'P1001',
  'P1002',
  'P1017',
  'P2024',
]);
// node-postgres says these in words only.
const UNAVAILABLE_MESSAGE =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/i;

/** Whether `error` (or anything in its cause chain) says the database cannot be reached right now. */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!(error instanceof Error) || depth > 8) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) return true;
  if (UNAVAILABLE_MESSAGE.test(error.message)) return true;
  if (error instanceof AggregateError && error.errors.some((e) => isDatabaseUnavailable(e, depth + 1)))
    return true;
  return isDatabaseUnavailable(error.cause, depth + 1);
}

/**
 * The one place a fault becomes what the client is told: a database outage is
 * `SERVICE_UNAVAILABLE` with a retry delay (an outage, not a bug: back off and
 * retry); a `TRPCError` stays as it is; anything else is an internal error.
 */
export function classifyError(error: unknown): TRPCError {
  if (error instanceof RetryLaterError) return error;
  const cause = error instanceof TRPCError && error.code === 'INTERNAL_SERVER_ERROR' ? error.cause : error;
  if (isDatabaseUnavailable(cause)) {
    return new RetryLaterError({
      code: 'SERVICE_UNAVAILABLE',
      message: 'The database is unavailable; retry later',
      retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS,
      cause,
    });
  }
  if (error instanceof TRPCError) return error;
  return new TRPCError({ code: 'INTERNAL_SERVER_ERROR', cause: error });
}
