import type { Entity } from '@storesync/schema';

/**
 * - `idle`: the last sync succeeded (or none has run yet);
 * - `syncing`: a sync is running;
 * - `offline`: the host reports no network, or the server could not be reached;
 * - `error`: the server answered with a failure; `lastError` says which.
 */
export type SyncState = 'idle' | 'syncing' | 'offline' | 'error';

/** How far a long pull (a first sync, a long catch-up) has come, in change-log entries. */
export interface CatchUp {
  done: number;
  /** All the entries this pull brings; null when the server does not say (one older than 2026-12). */
  total: number | null;
}

export interface SyncStatus {
  state: SyncState;
  /** Local changes not yet accepted by the server. */
  pending: number;
  /** Local changes the server rejected: they will not be retried. */
  failed: number;
  lastSyncAt: string | null;
  lastError: string | null;
  /** A live subscription is open: other devices' changes arrive within moments. */
  live: boolean;
  /**
   * Set while a pull of more than one page runs: until it ends the book holds
   * only part of the store, so no balance or total read from it is the whole
   * truth. Null otherwise.
   */
  catchUp: CatchUp | null;
  /**
   * When the book was last found to match the server's digest (or mended to), this app run;
   * null before (docs/protocol.md, "Digest").
   */
  verifiedAt: string | null;
  /** The last mend: when, and which entities differed from the server's and were fetched again. */
  lastRepair: { at: string; entities: Entity[] } | null;
}

/** What a UI reads; shaped for React's `useSyncExternalStore(subscribe, get)`. */
export interface StatusSource {
  /** The current status; the same object until something changes. */
  get(): SyncStatus;
  subscribe(listener: (status: SyncStatus) => void): () => void;
}

export interface StatusStore extends StatusSource {
  update(patch: Partial<SyncStatus>): void;
}

/** The status a client publishes; listeners are told only of real changes. */
export function createStatusStore(): StatusStore {
  let status: SyncStatus = {
    state: 'idle',
    pending: 0,
    failed: 0,
    lastSyncAt: null,
    lastError: null,
    live: false,
    catchUp: null,
    verifiedAt: null,
    lastRepair: null,
  };
  const listeners = new Set<(status: SyncStatus) => void>();
  return {
    get: () => status,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    update(patch) {
      const next = { ...status, ...patch };
      const keys = Object.keys(next) as (keyof SyncStatus)[];
      if (keys.every((k) => next[k] === status[k])) return;
      status = next;
      for (const listener of listeners) listener(status);
    },
  };
}
