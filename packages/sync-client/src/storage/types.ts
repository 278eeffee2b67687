import type { Entity, EntityRow, Op } from '@storesync/schema';

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
  entityId?: string;
  limit?: number;
}

/** The seed's `sync_state`, plus the clock that must survive restarts. */
export interface StoredSyncState {
  userId: string | null;
  deviceId: string | null;
  /** The pull cursor: the last server event id whose row is saved locally. */
  lastServerEventId: number;
  lastSyncAt: string | null;
  /** The hybrid logical clock's latest value, so it never runs backwards across restarts. */
  clock: string | null;
}

/**
 * One atomic unit of work on the local database. The core needs only these
 * operations, so a storage adapter implements them and nothing else.
 *
 * Two copies of a row are kept: the visible row (what the UI reads) and the
 * server row, the newest canonical row the server returned. The visible row is
 * always the server row with this device's pending changes replayed on top, so
 * a rejected or overridden change can be undone exactly.
 */
export interface StoreTx {
  getRow(entity: Entity, id: string): Promise<EntityRow | null>;
  /** Every visible row of the entity, tombstones included, by `createdAt` then `id`. */
  listRows(entity: Entity): Promise<EntityRow[]>;
  putRow(entity: Entity, row: EntityRow): Promise<void>;
  deleteRow(entity: Entity, id: string): Promise<void>;
  getServerRow(entity: Entity, id: string): Promise<EntityRow | null>;
  putServerRow(entity: Entity, row: EntityRow): Promise<void>;
  addOutbox(item: NewOutboxItem): Promise<OutboxItem>;
  /** Items with the given status, oldest first. */
  listOutbox(query: OutboxQuery): Promise<OutboxItem[]>;
  updateOutbox(id: number, patch: OutboxPatch): Promise<void>;
  countOutbox(status: OutboxStatus): Promise<number>;
  getState(): Promise<StoredSyncState>;
  setState(patch: Partial<StoredSyncState>): Promise<void>;
  /** Forgets every row, outbox item and the cursor, for when the device changes store. */
  reset(): Promise<void>;
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
  clock: null,
});
