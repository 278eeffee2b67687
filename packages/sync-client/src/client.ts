import { type Entity, MAX_PUSH_EVENTS, PULL_LIMIT_MAX, uuidV7 } from '@storesync/schema';
import { createChangeFeed, withChangeFeed } from './changes.ts';
import { failureKind } from './errors.ts';
import { discardFailedChange, type FailedChange, listFailedChanges } from './failed.ts';
import { createHlc } from './hlc.ts';
import { createLive } from './live.ts';
import { pullChanges } from './pull.ts';
import { pushOutbox } from './push.ts';
import { readsOf } from './queries/book-reads.ts';
import type { BookReads } from './queries/types.ts';
import { createRepositories, type Repository } from './repositories.ts';
import { type Connectivity, createRunner } from './runner.ts';
import type { SettingsRepository } from './settings.ts';
import { createStatusStore, type StatusSource } from './status.ts';
import type { Store } from './storage/types.ts';
import { createTrpcSyncApi, type SyncApi, type TransportOptions } from './transport.ts';
import { verifyBook } from './verify.ts';

interface CommonOptions {
  /** The local database: `openSqliteStore(file)`, `createMemoryStore()`, or your adapter's. */
  store: Store;
  connectivity?: Connectivity;
  /** Time between syncs while all is well (default 60 s). */
  intervalMs?: number;
  /** How soon after a local write its push starts (default 2 s). */
  writeDelayMs?: number;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  /** Overrides the device id kept in the local database (generated on first open). */
  deviceId?: string;
  /**
   * Settled (sent) outbox items are kept for a while, then pruned so the
   * database does not grow forever: those made more than `keepSentDays` ago
   * (default 7), and all but the newest `keepSentCount` (default 1,000).
   * Rejected items stay until discarded.
   */
  keepSentDays?: number;
  keepSentCount?: number;
  /**
   * How often the book is checked against the server's digest, after a sync that reached the
   * log's end (default 6 hours; the first check is after the first such sync of each run).
   * 0: never. An entity found different is fetched again whole (`status.lastRepair`).
   */
  verifyEveryMs?: number;
  /** Batch sizes; pushes are capped at the server's 500. */
  pushBatchSize?: number;
  /**
   * Events per pull page, 1–5000 (default 5000, the server's most). A page is
   * written in one local transaction. A fresh device held a 100k-row store
   * in 2.0 s with pages of 5,000 against 2.5 s with 1,000 (one run; in
   * another, 2.8 s with 1,000 against 3.7 s with 500: docs/benchmarks.md).
   */
  pullLimit?: number;
  /**
   * Pulled events written per local transaction (default 5,000, a whole page): a read or a
   * write made during a sync waits for one such transaction. Lower it where commits are cheap
   * (SQLite files on a phone) to keep screens quicker during a first sync.
   */
  pullChunkEvents?: number;
  /** Injection points for tests: wall clock, UUIDs, jitter. */
  now?: () => number;
  /** New ids: a UUIDv7 from `crypto.getRandomValues` by default (see `uuidV7` for Hermes). */
  newId?: () => string;
  random?: () => number;
}

export type SyncClientOptions = CommonOptions & (TransportOptions | { api: SyncApi });

export interface SyncClient {
  /** This installation's id: pass it to `auth.signIn`, whose session must match it. */
  readonly deviceId: string;
  readonly customers: Repository<'customers'>;
  readonly debts: Repository<'debts'>;
  readonly payments: Repository<'payments'>;
  readonly sales: Repository<'sales'>;
  /** Statement links (`/s/<token>`): create one per customer to share; delete to revoke. */
  readonly links: Repository<'links'>;
  /** Reminders the owner sent, for the history and "reminded 3 days ago". */
  readonly reminders: Repository<'reminders'>;
  /** The store's settings (currency, shop name), the same row on every device. */
  readonly settings: SettingsRepository;
  /**
   * What screens show, each read answered by the local database (a page of
   * customers with balances, one customer's entries, the day's figures): read
   * what you show, again when `subscribe` says its entities changed.
   */
  readonly reads: BookReads;
  readonly status: StatusSource;
  /**
   * Calls `listener` after a committed local write, a pulled page, a settled
   * push, or a reset that changed rows of any of these entities: once per
   * transaction, however many rows it changed. Returns the unsubscribe function.
   */
  subscribe(entities: readonly Entity[], listener: () => void): () => void;
  /** Changes the server rejected (they are never retried), oldest first, with the reason. */
  failedChanges(): Promise<FailedChange[]>;
  /**
   * Forgets a rejected change (its row already shows the server's state): tells
   * the subscribers of its entity and updates `status.failed`. Throws
   * `FailedChangeNotFoundError` for an id that is not a rejected change.
   */
  discardFailed(id: number): Promise<void>;
  /**
   * Binds the local book to the signed-in user and starts syncing. A book of
   * another store is cleared first, unless it still holds unsynced changes.
   */
  signIn(userId: string): Promise<void>;
  /** Stops syncing; local data stays for the next sign-in. */
  signOut(): void;
  /** Pushes and pulls now; rejects when the sync fails. */
  syncNow(): Promise<void>;
  /**
   * Whether the app is in the foreground: the live subscription (see
   * `openEventSource`) is held only then. `syncWhenActive` calls it for you.
   */
  setForeground(foreground: boolean): void;
  close(): Promise<void>;
}

/** Opens the sync engine on a local database: typed repositories, outbox, and the sync runner. */
export async function createSyncClient(options: SyncClientOptions): Promise<SyncClient> {
  const changes = createChangeFeed();
  const store = withChangeFeed(options.store, changes);
  const newId = options.newId ?? (() => uuidV7());
  const stored = await store.transaction(async (tx) => {
    const s = await tx.getState();
    const deviceId = options.deviceId ?? s.deviceId ?? newId();
    if (deviceId !== s.deviceId) await tx.setState({ deviceId });
    return { ...s, deviceId };
  });
  const { deviceId } = stored;
  const now = options.now ?? Date.now;
  const hlc = createHlc({ now, last: stored.clock });
  const api = 'api' in options ? options.api : createTrpcSyncApi(options);
  const status = createStatusStore();
  const keepSentMs = (options.keepSentDays ?? 7) * 24 * 60 * 60_000;
  const keepSentCount = options.keepSentCount ?? 1_000;
  const batchSize = Math.min(options.pushBatchSize ?? MAX_PUSH_EVENTS, MAX_PUSH_EVENTS);

  // Pages as large as the server takes; lowered until the app restarts if it refuses (a server not yet updated).
  let pullLimit = options.pullLimit ?? PULL_LIMIT_MAX;
  const refreshCounts = async () => {
    const [pending, failed, s] = await store.transaction(
      async (tx) =>
        [await tx.countOutbox('pending'), await tx.countOutbox('error'), await tx.getState()] as const,
    );
    status.update({ pending, failed, lastSyncAt: s.lastSyncAt });
    // A book never fetched whole is partial from the moment it opens, before any sync starts.
    if (s.caughtUpAt === null && !status.get().catchUp) status.update({ catchUp: { done: 0, total: null } });
  };
  const verifyEveryMs = options.verifyEveryMs ?? 6 * 60 * 60_000;
  let verifiedAtMs = Number.NEGATIVE_INFINITY;
  let verifying: Promise<unknown> | null = null;
  /** The digest check, when it is due: a failed check is only tried again at the next sync. */
  const check = async (userId: string) => {
    const result = await verifyBook({ store, api, hlc, userId, limit: pullLimit });
    if (result.state === 'unsettled') return;
    verifiedAtMs = now();
    if (result.state === 'unsupported') return;
    const at = new Date(verifiedAtMs).toISOString();
    const repaired = result.state === 'repaired' ? result.entities : [];
    if (repaired.length > 0) {
      console.warn(`storesync: the book differed from the server's in ${repaired.join(', ')}; fetched again`);
      status.update({ lastRepair: { at, entities: repaired } });
    }
    status.update({ verifiedAt: at });
    await api.verified?.({ cursor: result.cursor, repaired });
  };
  const verifyNow = (userId: string) => {
    if (verifying || verifyEveryMs <= 0 || now() - verifiedAtMs < verifyEveryMs) return;
    verifying = check(userId)
      .catch((error: unknown) => {
        // Offline or asked to wait: the next sync's check will do. Anything else is worth a line.
        if (!['offline', 'busy'].includes(failureKind(error)))
          console.warn('storesync: the book could not be checked against the server now', error);
      })
      .finally(() => {
        verifying = null;
      });
  };
  /**
   * Push, then pull: a push the server keeps failing must not also cut the
   * device off its changes. Unless there is no network, or the server asked to
   * wait: then the pull waits too.
   */
  const sync = async () => {
    try {
      const { userId } = await store.transaction((tx) => tx.getState());
      if (!userId) throw new Error('Sign in first: the local book does not belong to a store yet');
      let pushFailure: { error: unknown } | null = null;
      try {
        await pushOutbox({ store, api, hlc, deviceId, userId, batchSize });
      } catch (error) {
        const kind = failureKind(error);
        if (kind === 'offline' || kind === 'busy') throw error;
        pushFailure = { error };
      }
      await pullChanges({
        store,
        api,
        hlc,
        userId,
        limit: pullLimit,
        onLimitRefused: (taken) => {
          pullLimit = taken;
        },
        onCatchUp: (catchUp) => status.update({ catchUp }),
        ...(options.pullChunkEvents && { chunkEvents: options.pullChunkEvents }),
      });
      if (pushFailure) throw pushFailure.error;
      await store.transaction(async (tx) => {
        await tx.setState({ lastSyncAt: new Date(now()).toISOString() });
        await tx.pruneSent({ madeBefore: new Date(now() - keepSentMs).toISOString(), keep: keepSentCount });
      });
      // Not awaited, and after the sync's own last write: "Up to date" waits neither for the check nor
      // behind its read of the whole book (verify.ts mends only if no pull moved the book meanwhile).
      verifyNow(userId);
    } finally {
      await refreshCounts();
    }
  };
  const runner = createRunner({
    sync,
    status,
    connectivity: options.connectivity,
    intervalMs: options.intervalMs,
    backoffBaseMs: options.backoffBaseMs,
    backoffMaxMs: options.backoffMaxMs,
    random: options.random,
  });
  const live = api.live
    ? createLive({
        subscribe: api.live,
        sync: () => void runner.syncNow().catch(() => undefined),
        connectivity: options.connectivity,
        onChange: (open) => status.update({ live: open }),
        backoffBaseMs: options.backoffBaseMs,
        backoffMaxMs: options.backoffMaxMs,
        random: options.random,
      })
    : null;
  const repositories = createRepositories({
    store,
    hlc,
    deviceId,
    newId,
    onWrite: () => {
      status.update({ pending: status.get().pending + 1 });
      runner.soon(options.writeDelayMs ?? 2_000);
    },
  });
  await refreshCounts();

  return {
    deviceId,
    ...repositories,
    reads: readsOf(store),
    status,
    subscribe: changes.subscribe,
    failedChanges: () => listFailedChanges(store),
    async discardFailed(id) {
      await discardFailedChange(store, id);
      await refreshCounts();
    },
    async signIn(userId) {
      await store.transaction(async (tx) => {
        const s = await tx.getState();
        if (s.userId !== null && s.userId !== userId) {
          if ((await tx.countOutbox('pending')) > 0)
            throw new Error('The local book holds unsynced changes of another store');
          await tx.reset();
        }
        await tx.setState({ userId });
      });
      await refreshCounts();
      runner.start();
      live?.setSignedIn(true);
    },
    signOut() {
      live?.setSignedIn(false);
      runner.stop();
    },
    syncNow: runner.syncNow,
    setForeground: (foreground) => live?.setForeground(foreground),
    async close() {
      live?.dispose();
      runner.stop();
      // A check under way ends before its database closes.
      await verifying;
      await store.close();
    },
  };
}
