import type { Entity, EntityRow, Op } from '@storesync/schema';
import type { BookReads } from '../queries/types.ts';

export type OutboxStatus = 'pending' | 'sent' | 'error';

/** A local change waiting to be pushed, as a repository writes it. */
export interface NewOutboxItem {
  userId: string;
  deviceId: string;
  entity: Entity;
  entityId: string;
  op: Op;
  /** The changed fields and their new values (upsert only). */
  payload: Record<string, unknown> | null;
  updatedFields: string[] | null;
  clientUpdatedAt: string;
  /** Generated once and sent on every retry, so the server applies the change at most once. */
  eventUuid: string;
}

export interface OutboxItem extends NewOutboxItem {
  id: number;
  status: OutboxStatus;
  retryCount: number;
  lastError: string | null;
}

export type OutboxPatch = Partial<Pick<OutboxItem, 'status' | 'retryCount' | 'lastError'>>;

export interface OutboxQuery {
  status: OutboxStatus;
  entity?: Entity;
  /** Only the items of these rows. */
  entityIds?: readonly string[];
  limit?: number;
}

/** The seed's `sync_state`, plus the clock that must survive restarts. */
export interface StoredSyncState {
  userId: string | null;
  deviceId: string | null;
  /** The pull cursor: the last server event id whose row is saved locally. */
  lastServerEventId: number;
  lastSyncAt: string | null;
  /**
   * When a pull last reached the end of the store's log: null until the first one does,
   * so a book still arriving (or never fetched) is never read as the whole store.
   */
  caughtUpAt: string | null;
  /** The hybrid logical clock's latest value, so it never runs backwards across restarts. */
  clock: string | null;
}

/**
 * One atomic unit of work on the local database. The core needs only these
 * operations, so a storage adapter implements them and nothing else. The
 * row writes take many rows at once, so that an adapter can write a pulled
 * page in a few statements.
 *
 * The visible row (what the UI reads) is the server's row with this device's
 * pending changes replayed on top. While a row has local changes, the server's
 * row is kept aside in the server rows, so a rejected or overridden change can
 * be undone exactly; a row with none has no such entry, its visible row being
 * the server's.
 */
export interface StoreTx {
  /** The screens' reads (queries/types.ts), on this transaction's view of the book. */
  readonly reads: BookReads;
  getRow(entity: Entity, id: string): Promise<EntityRow | null>;
  /** Every visible row of the entity, tombstones included, by `createdAt` then `id`. */
  listRows(entity: Entity): Promise<EntityRow[]>;
  /**
   * Each live row's id and version, in no order: what the book's digest is made of (verify.ts).
   * Optional for a store of one's own: without it the check reads whole rows (`listRows`).
   */
  liveVersions?(entity: Entity): Promise<{ id: string; rowVersion: number }[]>;
  /** Writes the rows, replacing any with the same id. */
  putRows(entity: Entity, rows: readonly EntityRow[]): Promise<void>;
  /** Writes each row unless a row of that id is held at the same or a higher `rowVersion`. */
  putRowsIfNewer(entity: Entity, rows: readonly EntityRow[]): Promise<void>;
  deleteRows(entity: Entity, ids: readonly string[]): Promise<void>;
  /** The server rows kept aside for these ids, by id; null when the server has no such row yet. */
  getServerRows(entity: Entity, ids: readonly string[]): Promise<Map<string, EntityRow | null>>;
  putServerRows(entity: Entity, rows: ReadonlyMap<string, EntityRow | null>): Promise<void>;
  deleteServerRows(entity: Entity, ids: readonly string[]): Promise<void>;
  addOutbox(item: NewOutboxItem): Promise<OutboxItem>;
  /** Items with the given status, oldest first. */
  listOutbox(query: OutboxQuery): Promise<OutboxItem[]>;
  updateOutbox(id: number, patch: OutboxPatch): Promise<void>;
  countOutbox(status: OutboxStatus): Promise<number>;
  /**
   * Deletes settled (`sent`) items no longer worth keeping: those whose change
   * was made before `madeBefore`, and all but the newest `keep`. Pending and
   * rejected items are never pruned.
   */
  pruneSent(options: { madeBefore: string; keep: number }): Promise<void>;
  /** Deletes the item if it has this status; returns it, or null when there is none such. */
  deleteOutbox(id: number, status: OutboxStatus): Promise<OutboxItem | null>;
  getState(): Promise<StoredSyncState>;
  setState(patch: Partial<StoredSyncState>): Promise<void>;
  /** Forgets every row, outbox item and the cursor, for when the device changes store. */
  reset(): Promise<void>;
  /**
   * Optional, for a bulk load into a book that holds little (a first sync): the rows' indexes
   * may be set aside until `buildIndexes`, which makes them once. A crash between the two
   * loses none: the store builds them when it next opens. Reads stay right meanwhile, only slower.
   */
  deferIndexes?(): Promise<void>;
  buildIndexes?(): Promise<void>;
}

/** The local database. */
export interface Store {
  /**
   * Runs `fn` atomically: all of its writes or none. Transactions never
   * interleave; calling `transaction` again from inside `fn` deadlocks.
   */
  transaction<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export const initialSyncState = (): StoredSyncState => ({
  userId: null,
  deviceId: null,
  lastServerEventId: 0,
  lastSyncAt: null,
  caughtUpAt: null,
  clock: null,
});
