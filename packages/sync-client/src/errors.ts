import { TRPCClientError } from '@trpc/client';

/**
 * Why a request failed, which decides what happens next:
 * - `offline`: no HTTP answer at all (no network, connection dropped, timeout);
 * - `unauthorized`: the session token is missing, expired or revoked;
 * - `too-large`: the batch is over the server's body limit;
 * - `server`: any other answer (server fault, rate limit); retried with backoff;
 * - `local`: not a request failure (say, the local database failed).
 */
export type FailureKind = 'offline' | 'unauthorized' | 'too-large' | 'server' | 'local';

const statusOf = (error: TRPCClientError<never>): number | undefined => {
  const data = error.data as { httpStatus?: unknown } | undefined;
  if (typeof data?.httpStatus === 'number') return data.httpStatus;
  const response = (error.meta as { response?: { status?: unknown } } | undefined)?.response;
  return typeof response?.status === 'number' ? response.status : undefined;
};

export function failureKind(error: unknown): FailureKind {
  if (!(error instanceof TRPCClientError)) return 'local';
  const status = statusOf(error);
  if (status === undefined) return 'offline';
  if (status === 401) return 'unauthorized';
  if (status === 413) return 'too-large';
  return 'server';
}

/** A one-line reason for the status and the outbox's `last_error`. */
export function describeError(error: unknown): string {
  if (error instanceof TRPCClientError) {
    const code = (error.data as { code?: unknown } | undefined)?.code;
    return typeof code === 'string' ? `${code}: ${error.message}` : error.message;
  }
  return error instanceof Error ? error.message : String(error);
}
