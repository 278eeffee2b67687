import {
  type Clock,
  ENTITIES,
  type EntityRow,
  emptyRowState,
  entityFieldNames,
  isDeleted,
  mergeChange,
  type RowState,
} from '@storesync/schema';
import { changedFields } from '../../rebase.ts';
import type { OutboxItem, Store } from '../../storage/types.ts';
import type { SyncApi } from '../../transport.ts';
import type { TestServer } from '../server.ts';

/** Rows keyed `entity:id`. */
export type Rows = Map<string, EntityRow>;

/** Every visible local row of a device, tombstones included. */
export async function localRows(store: Store): Promise<Rows> {
  const rows: Rows = new Map();
  await store.transaction(async (tx) => {
    for (const entity of ENTITIES)
      for (const r of await tx.listRows(entity)) rows.set(`${entity}:${r.id}`, r);
  });
  return rows;
}

/**
 * The server's rows as a new device takes them: the snapshot, then the log from its cursor,
 * each row replaced by id (once compacted, the log from 0 no longer holds old tombstones).
 */
export async function serverBook(api: SyncApi): Promise<Rows> {
  const rows: Rows = new Map();
  let after: string | undefined;
  let cursor: number | null = null;
  do {
    const page = await api.snapshot?.({ limit: 1000, ...(after && { after }) });
    if (!page) throw new Error('the test server has no snapshot');
    cursor ??= page.cursor;
    for (const r of page.rows) rows.set(`${r.entity}:${r.row.id}`, r.row);
    after = page.next ?? undefined;
  } while (after);
  for (let from = cursor ?? 0; ; ) {
    const page = await api.pull({ cursor: from, limit: 1000 });
    for (const e of page.events) rows.set(`${e.entity}:${e.entityId}`, e.row);
    from = page.cursor;
    if (!page.hasMore) return rows;
  }
}

/** A change-log entry as the checks read it. */
export interface LoggedEntry {
  u: string;
  entity: string;
  entity_id: string;
  op: string;
  device_id: string;
  at: Date;
  payload: Record<string, unknown>;
}

/** The store's change log as it is now. */
export const loggedEntries = (server: Pick<TestServer, 'admin'>, userId: string): Promise<LoggedEntry[]> =>
  server.admin.db.$queryRawUnsafe<LoggedEntry[]>(
    `SELECT event_uuid::text AS u, entity, entity_id::text, op, device_id, client_updated_at AS at, payload
     FROM sync_events WHERE user_id = $1::uuid`,
    userId,
  );

/** The server's rows: the whole change log pulled from cursor 0, each row replaced by id. */
export async function serverRows(api: SyncApi): Promise<Rows> {
  const rows: Rows = new Map();
  let cursor = 0;
  for (;;) {
    const page = await api.pull({ cursor, limit: 1000 });
    for (const e of page.events) rows.set(`${e.entity}:${e.entityId}`, e.row);
    cursor = page.cursor;
    if (!page.hasMore) return rows;
  }
}

export async function outboxOf(store: Store): Promise<OutboxItem[]> {
  return store.transaction(async (tx) => [
    ...(await tx.listOutbox({ status: 'pending' })),
    ...(await tx.listOutbox({ status: 'sent' })),
    ...(await tx.listOutbox({ status: 'error' })),
  ]);
}

/**
 * What the server must hold, computed without it: every item the server
 * accepted (status `sent`), merged by the shared field-level LWW rules in
 * any order. An item marked sent that the server never applied, or one
 * applied twice under another uuid, makes the server differ from this.
 */
export function expectedRows(sent: OutboxItem[]): Map<string, Record<string, unknown>> {
  const states = new Map<string, RowState>();
  for (const item of sent) {
    const key = `${item.entity}:${item.entityId}`;
    const clock: Clock = [item.clientUpdatedAt, item.deviceId, item.eventUuid];
    const change =
      item.op === 'delete'
        ? { op: 'delete' as const }
        : { op: 'upsert' as const, fields: changedFields(item.entity, item) };
    states.set(key, mergeChange(states.get(key) ?? emptyRowState(), change, clock).state);
  }
  const out = new Map<string, Record<string, unknown>>();
  for (const [key, state] of states) {
    const entity = key.slice(0, key.indexOf(':')) as OutboxItem['entity'];
    const row: Record<string, unknown> = {
      deletedAt: isDeleted(state) && state.deletedClock ? state.deletedClock[0] : null,
    };
    for (const f of entityFieldNames(entity)) row[f] = state.values[f] ?? null;
    out.set(key, row);
  }
  return out;
}

/** A row reduced to what `expectedRows` predicts: fields and tombstone. */
export function mergedView(key: string, row: EntityRow): Record<string, unknown> {
  const entity = key.slice(0, key.indexOf(':')) as OutboxItem['entity'];
  const view: Record<string, unknown> = { deletedAt: row.deletedAt };
  for (const f of entityFieldNames(entity)) view[f] = row[f] ?? null;
  return view;
}

/**
 * The "no flicker" invariant, checked between steps: on every row a device
 * still shows, its pending changes are what it shows (the last pending value
 * of each field; a tombstone after a pending delete). Returns the violations.
 */
export async function pendingNotShown(store: Store): Promise<string[]> {
  return store.transaction(async (tx) => {
    const out: string[] = [];
    for (const item of await tx.listOutbox({ status: 'pending' })) {
      const row = await tx.getRow(item.entity, item.entityId);
      if (!row) continue;
      const later = await tx.listOutbox({
        status: 'pending',
        entity: item.entity,
        entityIds: [item.entityId],
      });
      const last = later.filter((i) => i.id >= item.id);
      if (item.op === 'delete' && row.deletedAt === null)
        out.push(`${item.entityId}: pending delete not shown`);
      for (const [f, v] of Object.entries(item.op === 'upsert' ? changedFields(item.entity, item) : {})) {
        const overwritten = last.some(
          (i) => i.id > item.id && i.op === 'upsert' && f in changedFields(i.entity, i),
        );
        if (!overwritten && JSON.stringify(row[f]) !== JSON.stringify(v))
          out.push(`${item.entityId}.${f}: shows ${JSON.stringify(row[f])}, pending ${JSON.stringify(v)}`);
      }
    }
    return out;
  });
}
