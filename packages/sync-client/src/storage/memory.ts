import { ENTITIES, type Entity, type EntityRow } from '@storesync/schema';
import { createMemoryReads } from '../queries/memory-reads.ts';
import type { Row } from '../rows.ts';
import { createSerialQueue } from './serial.ts';
import {
  initialSyncState,
  type OutboxItem,
  type Store,
  type StoredSyncState,
  type StoreTx,
} from './types.ts';

/** Rows are JSON values: a deep copy keeps callers from mutating stored state. */
const copy = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

const byCreated = (a: EntityRow, b: EntityRow) =>
  a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/**
 * The local database in memory: for tests, and for hosts with no SQLite.
 * Atomic like the SQL store: every write records how to undo itself, and a
 * transaction that throws is rolled back.
 */
export function createMemoryStore(): Store {
  const rows = new Map<Entity, Map<string, EntityRow>>(ENTITIES.map((e) => [e, new Map()]));
  /** The kept server rows by `entity:id`; null: the server has none yet. */
  const serverRows = new Map<string, EntityRow | null>();
  const outbox = new Map<number, OutboxItem>();
  let state: StoredSyncState = initialSyncState();
  let nextId = 1;
  let undo: (() => void)[] = [];
  const serial = createSerialQueue();

  const table = (entity: Entity) => rows.get(entity) ?? new Map<string, EntityRow>();
  /** Sets or deletes a map entry, remembering the previous value. */
  const write = <K, V>(map: Map<K, V>, key: K, value: V | undefined) => {
    const had = map.has(key);
    const prev = map.get(key);
    undo.push(() => (had ? map.set(key, prev as V) : map.delete(key)));
    if (value === undefined) map.delete(key);
    else map.set(key, value);
  };
  const setState = (next: StoredSyncState) => {
    const prev = state;
    undo.push(() => {
      state = prev;
    });
    state = next;
  };

  const tx: StoreTx = {
    reads: createMemoryReads(<E extends Entity>(entity: E) => copy([...table(entity).values()]) as Row<E>[]),
    getRow: async (entity, id) => copy(table(entity).get(id) ?? null),
    listRows: async (entity) => copy([...table(entity).values()].sort(byCreated)),
    liveVersions: async (entity) =>
      [...table(entity).values()]
        .filter((r) => r.deletedAt === null)
        .map((r) => ({ id: r.id, rowVersion: r.rowVersion })),
    async putRows(entity, rs) {
      for (const row of rs) write(table(entity), row.id, copy(row));
    },
    async putRowsIfNewer(entity, rs) {
      for (const row of rs) {
        const held = table(entity).get(row.id);
        if (!held || row.rowVersion > held.rowVersion) write(table(entity), row.id, copy(row));
      }
    },
    async deleteRows(entity, ids) {
      for (const id of ids) write(table(entity), id, undefined);
    },
    async getServerRows(entity, ids) {
      const kept = ids.filter((id) => serverRows.has(`${entity}:${id}`));
      return new Map(kept.map((id) => [id, copy(serverRows.get(`${entity}:${id}`) ?? null)]));
    },
    async putServerRows(entity, rs) {
      for (const [id, row] of rs) write(serverRows, `${entity}:${id}`, copy(row));
    },
    async deleteServerRows(entity, ids) {
      for (const id of ids) write(serverRows, `${entity}:${id}`, undefined);
    },
    async addOutbox(item) {
      const id = nextId;
      undo.push(() => {
        nextId = id;
      });
      nextId += 1;
      const stored: OutboxItem = { ...copy(item), id, status: 'pending', retryCount: 0, lastError: null };
      write(outbox, id, stored);
      return copy(stored);
    },
    listOutbox: async (q) => {
      const ids = q.entityIds && new Set(q.entityIds);
      const found = [...outbox.values()].filter(
        (i) =>
          i.status === q.status &&
          (q.entity === undefined || i.entity === q.entity) &&
          (ids === undefined || ids.has(i.entityId)),
      );
      found.sort((a, b) => a.id - b.id);
      return copy(found.slice(0, q.limit ?? found.length));
    },
    async updateOutbox(id, patch) {
      const item = outbox.get(id);
      if (item) write(outbox, id, { ...item, ...patch });
    },
    async pruneSent({ madeBefore, keep }) {
      const sent = [...outbox.values()].filter((i) => i.status === 'sent').sort((a, b) => b.id - a.id);
      for (const [n, item] of sent.entries())
        if (n >= keep || item.clientUpdatedAt < madeBefore) write(outbox, item.id, undefined);
    },
    async deleteOutbox(id, status) {
      const item = outbox.get(id);
      if (item?.status !== status) return null;
      write(outbox, id, undefined);
      return copy(item);
    },
    countOutbox: async (status) => [...outbox.values()].filter((i) => i.status === status).length,
    getState: async () => ({ ...state }),
    setState: async (patch) => setState({ ...state, ...patch }),
    async reset() {
      for (const entity of ENTITIES)
        for (const id of [...table(entity).keys()]) write(table(entity), id, undefined);
      for (const key of [...serverRows.keys()]) write(serverRows, key, undefined);
      for (const id of [...outbox.keys()]) write(outbox, id, undefined);
      setState({ ...state, userId: null, lastServerEventId: 0, lastSyncAt: null, caughtUpAt: null });
    },
  };

  return {
    transaction: (fn) =>
      serial(async () => {
        undo = [];
        try {
          return await fn(tx);
        } catch (error) {
          for (const step of undo.reverse()) step();
          throw error;
        } finally {
          undo = [];
        }
      }),
    close: async () => {},
  };
}
