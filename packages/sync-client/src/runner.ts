import { describeError, failureKind, retryAfterMs } from './errors.ts';
import type { StatusStore } from './status.ts';

/** How the host app reports connectivity (NetInfo, `navigator.onLine`, …). */
export interface Connectivity {
  isOnline(): boolean;
  /** Calls back on every change; returns the unsubscribe function. */
  subscribe(listener: (online: boolean) => void): () => void;
}

export interface RunnerOptions {
  /** One full sync; throws on failure. */
  sync: () => Promise<void>;
  status: StatusStore;
  connectivity?: Connectivity | undefined;
  /** Time between syncs while all is well. */
  intervalMs?: number | undefined;
  /** First retry delay after a failure; doubles with each failure in a row, up to `backoffMaxMs`. */
  backoffBaseMs?: number | undefined;
  backoffMaxMs?: number | undefined;
  /** In [0, 1); jitter keeps a fleet of phones from retrying in lockstep. */
  random?: (() => number) | undefined;
}

/** Thrown by `syncNow` while the server's `Retry-After` runs: no request is made. */
export class RetryLaterError extends Error {
  /** When the next attempt may go (ISO-8601 UTC). */
  readonly retryAt: string;
  constructor(retryAt: number) {
    const at = new Date(retryAt).toISOString();
    super(`The server asked to wait: the next sync can start at ${at}`);
    this.name = 'RetryLaterError';
    this.retryAt = at;
  }
}

export interface Runner {
  /** Syncs now, then on the timer, on network regained, and soon after local writes; again: syncs now. */
  start(): void;
  /** Stops all automatic syncing (sign-out); a sync already running finishes. */
  stop(): void;
  /**
   * Syncs now, or right after the sync that is running; rejects when it fails,
   * and with `RetryLaterError` while the server's `Retry-After` runs.
   */
  syncNow(): Promise<void>;
  /** Asks for a sync within `delayMs`, unless stopped or backing off after a failure. */
  soon(delayMs: number): void;
}

/**
 * Decides when to sync: one sync at a time; after a success the next in
 * `intervalMs`; after failures, exponential backoff with jitter, and never
 * sooner than a `Retry-After` the server sent (429, 503); nothing while the
 * host reports no network.
 */
export function createRunner(options: RunnerOptions): Runner {
  const intervalMs = options.intervalMs ?? 60_000;
  const baseMs = options.backoffBaseMs ?? 1_000;
  const maxMs = options.backoffMaxMs ?? 5 * 60_000;
  const random = options.random ?? Math.random;
  const { status, connectivity } = options;
  let active = false;
  let failures = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let dueAt = Number.POSITIVE_INFINITY;
  let requested = Number.POSITIVE_INFINITY;
  let running: Promise<void> | null = null;
  let queued: Promise<void> | null = null;
  let unsubscribe: (() => void) | null = null;
  /** No request before this time (epoch ms): the server's `Retry-After`. */
  let notBefore = 0;

  const online = () => connectivity?.isOnline() ?? true;
  const backoff = () => {
    const cap = Math.min(maxMs, baseMs * 2 ** (failures - 1));
    return cap / 2 + (random() * cap) / 2;
  };
  /** Replaces the pending timer; an infinite delay just clears it. */
  const schedule = (delayMs: number) => {
    clearTimeout(timer);
    dueAt = Number.POSITIVE_INFINITY;
    if (!active || !Number.isFinite(delayMs)) return;
    dueAt = Date.now() + delayMs;
    timer = setTimeout(automatic, delayMs);
  };

  async function runOnce() {
    schedule(Number.POSITIVE_INFINITY);
    status.update({ state: 'syncing' });
    try {
      await options.sync();
      failures = 0;
      notBefore = 0;
      status.update({ state: 'idle', lastError: null });
      schedule(Math.min(intervalMs, requested));
    } catch (error) {
      failures += 1;
      const offline = failureKind(error) === 'offline';
      status.update({ state: offline ? 'offline' : 'error', lastError: describeError(error) });
      const wait = retryAfterMs(error) ?? 0;
      notBefore = Date.now() + wait;
      schedule(Math.max(backoff(), wait));
      throw error;
    } finally {
      requested = Number.POSITIVE_INFINITY;
    }
  }

  function syncNow(): Promise<void> {
    if (running) {
      queued ??= running
        .catch(() => undefined)
        .then(() => {
          queued = null;
          return syncNow();
        });
      return queued;
    }
    if (Date.now() < notBefore) return Promise.reject(new RetryLaterError(notBefore));
    const run = runOnce().finally(() => {
      running = null;
    });
    running = run;
    return run;
  }

  /** A sync no caller waits for: put off while offline or asked to wait; failures shown in the status only. */
  function automatic() {
    if (!active) return;
    if (Date.now() < notBefore) {
      schedule(notBefore - Date.now());
      return;
    }
    if (!online()) {
      status.update({ state: 'offline' });
      schedule(intervalMs);
      return;
    }
    syncNow().catch(() => undefined);
  }

  return {
    start() {
      if (active) return automatic();
      active = true;
      unsubscribe =
        connectivity?.subscribe((isOnline) => {
          if (isOnline) {
            failures = 0;
            automatic();
          } else if (!running) status.update({ state: 'offline' });
        }) ?? null;
      automatic();
    },
    stop() {
      active = false;
      failures = 0;
      schedule(Number.POSITIVE_INFINITY);
      unsubscribe?.();
      unsubscribe = null;
      if (!running) status.update({ state: 'idle' });
    },
    syncNow,
    soon(delayMs) {
      if (!active || failures > 0) return;
      if (running) requested = Math.min(requested, delayMs);
      else if (Date.now() + delayMs < dueAt) schedule(delayMs);
    },
  };
}
