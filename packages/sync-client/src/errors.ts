import { TRPCClientError } from '@trpc/client';

/**
 * Why a request failed, which decides what happens next:
 * - `offline`: no HTTP answer at all (no network, connection dropped, timeout);
 * - `unauthorized`: the session token is missing, expired or revoked;
 * - `too-large`: the batch is over the server's body limit;
 * - `busy`: the server asks to come back later (429 rate limit, 503 outage);
 *   retried no sooner than its `Retry-After`;
 * - `server`: any other answer (a server fault); retried with backoff;
 * - `local`: not a request failure (say, the local database failed).
 */
export type FailureKind = 'offline' | 'unauthorized' | 'too-large' | 'busy' | 'server' | 'local';

/** The HTTP response a tRPC error came with (httpLink keeps it in `meta.response`). */
const responseOf = (error: TRPCClientError<never>) =>
  (error.meta as { response?: { status?: unknown; headers?: Partial<Pick<Headers, 'get'>> } } | undefined)
    ?.response;

const statusOf = (error: TRPCClientError<never>): number | undefined => {
  const data = error.data as { httpStatus?: unknown } | undefined;
  if (typeof data?.httpStatus === 'number') return data.httpStatus;
  const status = responseOf(error)?.status;
  return typeof status === 'number' ? status : undefined;
};

export function failureKind(error: unknown): FailureKind {
  if (!(error instanceof TRPCClientError)) return 'local';
  const status = statusOf(error);
  if (status === undefined) return 'offline';
  if (status === 401) return 'unauthorized';
  if (status === 413) return 'too-large';
  if (status === 429 || status === 503) return 'busy';
  return 'server';
}

/** The server refused the request's input (400): asking again the same way cannot help. */
export const isBadRequest = (error: unknown): boolean =>
  error instanceof TRPCClientError && statusOf(error) === 400;

/** The server has no such procedure (404): one deployed before it, asked for something newer. */
export const isNotFound = (error: unknown): boolean =>
  error instanceof TRPCClientError && statusOf(error) === 404;

/** The server's log no longer reaches back to this device's cursor: take the snapshot again. */
export const isResyncRequired = (error: unknown): boolean =>
  error instanceof TRPCClientError &&
  (error.data as { reason?: unknown } | undefined)?.reason === 'RESYNC_REQUIRED';

/** A `Retry-After` past this is taken as this: a wrong header must not stop syncing for days. */
const MAX_RETRY_AFTER_MS = 60 * 60_000;

/**
 * How long the server asked to wait before the next request, from the
 * `Retry-After` header of its answer (seconds, or an HTTP date); null when it
 * did not say.
 */
export function retryAfterMs(error: unknown, now: number = Date.now()): number | null {
  if (!(error instanceof TRPCClientError)) return null;
  const value = responseOf(error)?.headers?.get?.('retry-after')?.trim();
  if (!value) return null;
  const ms = /^\d+(\.\d+)?$/.test(value) ? Number(value) * 1000 : Date.parse(value) - now;
  return Number.isFinite(ms) ? Math.min(Math.max(ms, 0), MAX_RETRY_AFTER_MS) : null;
}

/** A one-line reason for the status and the outbox's `last_error`. */
export function describeError(error: unknown): string {
  if (error instanceof TRPCClientError) {
    const code = (error.data as { code?: unknown } | undefined)?.code;
    return typeof code === 'string' ? `${code}: ${error.message}` : error.message;
  }
  return error instanceof Error ? error.message : String(error);
}
