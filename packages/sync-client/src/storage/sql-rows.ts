import { type Entity, type EntityRow, entityFieldNames, fieldsOfKind, nameSortKey } from '@storesync/schema';
import type { SqlValue } from './sql-driver.ts';
import type { OutboxItem, StoredSyncState } from './types.ts';

interface Column {
  key: string;
  name: string;
  json: boolean;
  /** A local-only column, worked out from the row when it is written and never read back into it. */
  derive?: (row: EntityRow) => SqlValue;
}

/**
 * Local-only columns: SQLite has no ICU, so a customer's name is also kept as its sort key
 * (`nameSortKey`: case and accents aside), which lists order by and search matches.
 */
const DERIVED: Partial<Record<Entity, Column[]>> = {
  customers: [
    { key: 'nameKey', name: 'name_key', json: false, derive: (row) => nameSortKey(String(row.name ?? '')) },
  ],
};

const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const COMMON_KEYS = ['createdAt', 'updatedAt', 'deletedAt', 'updatedByDeviceId', 'rowVersion'];

const cache = new Map<Entity, Column[]>();

/** The columns of an entity table: `id`, the entity's fields, the common columns. */
export function columnsOf(entity: Entity): Column[] {
  let cols = cache.get(entity);
  if (!cols) {
    const keys = ['id', ...entityFieldNames(entity), ...COMMON_KEYS];
    // JSON fields are what SQLite cannot hold as a scalar: stored as JSON text.
    const json = fieldsOfKind(entity, 'json');
    cols = [
      ...keys.map((key) => ({ key, name: snake(key), json: json.includes(key) })),
      ...(DERIVED[entity] ?? []),
    ];
    cache.set(entity, cols);
  }
  return cols;
}

/** Appends a row's bound parameters for an INSERT into its table, in `columnsOf` order. */
export function putRowParams(entity: Entity, row: EntityRow, params: SqlValue[]): void {
  for (const c of columnsOf(entity)) {
    if (c.derive) {
      params.push(c.derive(row));
      continue;
    }
    const v = row[c.key] ?? null;
    params.push(c.json && v !== null ? JSON.stringify(v) : (v as SqlValue));
  }
}

/** A table record back as a row: camelCase keys, JSON fields parsed. */
export function rowFromRecord(entity: Entity, record: Record<string, SqlValue>): EntityRow {
  const row: Record<string, unknown> = {};
  for (const c of columnsOf(entity)) {
    if (c.derive) continue;
    const v = record[c.name] ?? null;
    row[c.key] = c.json && typeof v === 'string' ? JSON.parse(v) : v;
  }
  return row as EntityRow;
}

/** An `outbox` record as SQLite returns it. */
export interface OutboxRecord {
  id: number;
  user_id: string;
  device_id: string;
  entity: OutboxItem['entity'];
  entity_id: string;
  op: OutboxItem['op'];
  payload_json: string | null;
  updated_fields: string | null;
  client_updated_at: string;
  event_uuid: string;
  status: OutboxItem['status'];
  retry_count: number;
  last_error: string | null;
}

const parse = <T>(json: string | null): T | null => (json === null ? null : (JSON.parse(json) as T));

/** An `outbox` record as the core's `OutboxItem`. */
export const outboxFromRecord = (r: OutboxRecord): OutboxItem => ({
  id: r.id,
  userId: r.user_id,
  deviceId: r.device_id,
  entity: r.entity,
  entityId: r.entity_id,
  op: r.op,
  payload: parse(r.payload_json),
  updatedFields: parse(r.updated_fields),
  clientUpdatedAt: r.client_updated_at,
  eventUuid: r.event_uuid,
  status: r.status,
  retryCount: r.retry_count,
  lastError: r.last_error,
});

/** `sync_state` columns by `StoredSyncState` key. */
export const STATE_COLUMNS: Record<keyof StoredSyncState, string> = {
  userId: 'user_id',
  deviceId: 'device_id',
  lastServerEventId: 'last_server_event_id',
  lastSyncAt: 'last_sync_at',
  caughtUpAt: 'caught_up_at',
  clock: 'clock',
};
