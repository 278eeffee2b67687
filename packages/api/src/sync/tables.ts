import { type Entity, entityFieldNames, fieldsOfKind, type RowState } from '@storesync/schema';

/**
 * How a stored entity row maps to the merge state and the wire row. Rows are
 * read as `to_jsonb(row)` and written with `jsonb_populate_recordset`, so the
 * only mapping is camelCase field ↔ snake_case column, and timestamps brought
 * back to ISO-8601 UTC.
 */
export interface StoredRow {
  id: string;
  state: RowState;
  createdAt: string;
  updatedAt: string;
  updatedByDeviceId: string | null;
  rowVersion: number;
}

/** Entity names are a closed set, so they double as table names. */
export const tableOf = (entity: Entity): string => entity;

const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const iso = (v: unknown) => (typeof v === 'string' ? new Date(v).toISOString() : null);

/** Column list in the order used by writes. */
export const columnsOf = (entity: Entity): string[] => [
  'user_id',
  'id',
  ...entityFieldNames(entity).map(snake),
  'created_at',
  'updated_at',
  'deleted_at',
  'updated_by_device_id',
  'row_version',
  'clocks',
  'deleted_clock',
];

export function fromRecord(entity: Entity, r: Record<string, unknown>): StoredRow {
  const values: Record<string, unknown> = {};
  const timestamps = fieldsOfKind(entity, 'timestamp');
  for (const f of entityFieldNames(entity)) {
    const v = r[snake(f)] ?? null;
    values[f] = timestamps.includes(f) ? iso(v) : v;
  }
  return {
    id: String(r.id),
    state: {
      values,
      clocks: (r.clocks ?? {}) as RowState['clocks'],
      deletedClock: (r.deleted_clock ?? null) as RowState['deletedClock'],
    },
    createdAt: iso(r.created_at) ?? '',
    updatedAt: iso(r.updated_at) ?? '',
    updatedByDeviceId: (r.updated_by_device_id ?? null) as string | null,
    rowVersion: Number(r.row_version),
  };
}

export function toRecord(
  entity: Entity,
  userId: string,
  row: StoredRow,
  deletedAt: string | null,
): Record<string, unknown> {
  const rec: Record<string, unknown> = { user_id: userId, id: row.id };
  for (const f of entityFieldNames(entity)) rec[snake(f)] = row.state.values[f] ?? null;
  rec.created_at = row.createdAt;
  rec.updated_at = row.updatedAt;
  rec.deleted_at = deletedAt;
  rec.updated_by_device_id = row.updatedByDeviceId;
  rec.row_version = row.rowVersion;
  rec.clocks = row.state.clocks;
  rec.deleted_clock = row.state.deletedClock;
  return rec;
}
