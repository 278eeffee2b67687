/**
 * Waiting for a PostgreSQL that is not up yet: the app may start before its database
 * (docker-compose, systemd), so `openDb` retries what fails for that reason, with backoff.
 * A misconfiguration (a wrong password, a missing database, a failed migration) is no
 * reason to wait and fails at once.
 */
export interface WaitOptions {
  /** Give up after this long (then `openDb` rejects with the last error); forever by default. */
  maxWaitMs?: number | undefined;
  /** Stops the waiting (the process is told to stop): `openDb` rejects. */
  signal?: AbortSignal | undefined;
  /** Told of each failed attempt before the pause that follows it. */
  onRetry?: ((retry: Retry) => void) | undefined;
}

export interface Retry {
  /** 1 for the first failed attempt. */
  attempt: number;
  error: unknown;
  /** The pause before the next attempt. */
  delayMs: number;
  /** Since the first attempt began. */
  waitedMs: number;
}

/** The first pause, doubled after each attempt up to `MAX_DELAY_MS`. */
const FIRST_DELAY_MS = 250;
/** The API's own `Retry-After` for an outage: a server that came up is found within as long. */
export const MAX_DELAY_MS = 5_000;

// Socket errors of a connection attempt: nothing answers at that address yet (ENOTFOUND
// too: docker-compose's DNS names a service only once its container runs).
const SOCKET = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
]);
// A server that answers but cannot take a session yet: starting, shutting down, crashed and
// recovering, full; SQLSTATE class 08 (connection exception).
const NOT_YET = new Set(['57P01', '57P02', '57P03', '53300']);
// node-postgres says these in words only (a connection cut, its own connect timeout).
const NOT_YET_MESSAGE = /Connection terminated|timeout expired/i;

/** Whether `error` (or anything in its cause chain) says PostgreSQL cannot be reached yet. */
export function isNotReachableYet(error: unknown, depth = 0): boolean {
  if (!(error instanceof Error) || depth > 8) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (SOCKET.has(code) || NOT_YET.has(code) || code.startsWith('08')))
    return true;
  if (NOT_YET_MESSAGE.test(error.message)) return true;
  if (error instanceof AggregateError && error.errors.some((e) => isNotReachableYet(e, depth + 1)))
    return true;
  return isNotReachableYet(error.cause, depth + 1);
}

/** Why `openDb` gave up: the wait's bound passed, the last error as its cause. */
export class DatabaseWaitExpired extends Error {
  constructor(waitedMs: number, attempts: number, last: unknown) {
    const reason = last instanceof Error ? last.message : String(last);
    super(
      `PostgreSQL did not answer within ${Math.round(waitedMs / 1000)} s (${attempts} attempt(s)); last error: ${reason}`,
      { cause: last },
    );
    this.name = 'DatabaseWaitExpired';
  }
}

const sleep = (ms: number, signal: AbortSignal | undefined) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', stop);
      resolve();
    }, ms);
    const stop = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', stop, { once: true });
  });

/**
 * Runs `attempt` until it succeeds, pausing between failures that `isNotReachableYet`
 * accepts (250 ms, doubling, at most 5 s, ±20 %); any other failure is thrown at once.
 * `close` disposes of a success that came after the signal aborted.
 */
export async function retryUntilReachable<T>(
  attempt: () => Promise<T>,
  close: (value: T) => Promise<void>,
  options: WaitOptions = {},
): Promise<T> {
  const { maxWaitMs, signal, onRetry } = options;
  const started = Date.now();
  for (let n = 1; ; n++) {
    if (signal?.aborted) throw signal.reason;
    try {
      const value = await attempt();
      if (signal?.aborted) {
        await close(value).catch(() => {});
        throw signal.reason;
      }
      return value;
    } catch (error) {
      if (signal?.aborted || !isNotReachableYet(error)) throw error;
      const waitedMs = Date.now() - started;
      const left = maxWaitMs === undefined ? Number.POSITIVE_INFINITY : maxWaitMs - waitedMs;
      if (left <= 0) throw new DatabaseWaitExpired(waitedMs, n, error);
      const backoff = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** (n - 1));
      const delayMs = Math.round(Math.min(left, backoff * (0.8 + 0.4 * Math.random())));
      onRetry?.({ attempt: n, error, delayMs, waitedMs });
      await sleep(delayMs, signal);
    }
  }
}
