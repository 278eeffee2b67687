import { type Entity, entityFieldNames, fieldKind, fieldsOfKind, type RowState } from '@storesync/schema';

/**
 * How a stored entity row maps to the merge state and the wire row. Rows are
 * read as `to_jsonb(row)` and written column by column (write.ts), so the only
 * mapping is camelCase field ↔ snake_case column, and timestamps brought back
 * to ISO-8601 UTC.
 */
export interface StoredRow {
  id: string;
  state: RowState;
  createdAt: string;
  updatedAt: string;
  updatedByDeviceId: string | null;
  rowVersion: number;
}

/**
 * The store's id ($1) as the push's statements compare `user_id` with it.
 * As a subquery the planner cannot see the value, so it estimates the store at
 * the table's average store size rather than from the statistics. With the
 * literal, a store that grew since the last ANALYZE (a new shop's first pushes)
 * was estimated at no rows at all, every index on (user_id, …) looked as good
 * as the unique one, and a probe for one row could scan the whole store.
 */
export const STORE_ID = '(SELECT $1::uuid)';

/** Entity names are a closed set, so they double as table names. */
export const tableOf = (entity: Entity): string => entity;

/** A field's column name: `customerId` → `customer_id`. */
export const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
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

/** A column's SQL type, as a write's typed array of it is cast (`json` columns travel as JSON text). */
export type ColumnType = 'uuid' | 'text' | 'bigint' | 'timestamptz' | 'date' | 'json';

const FIELD_TYPES = {
  text: 'text',
  money: 'bigint',
  count: 'bigint',
  timestamp: 'timestamptz',
  date: 'date',
  json: 'json',
} as const;

/** Each column of `columnsOf`, with its SQL type, in the same order. */
export const columnTypesOf = (entity: Entity): ColumnType[] => [
  'uuid',
  'uuid',
  ...entityFieldNames(entity).map((f): ColumnType => {
    const kind = fieldKind(entity, f) ?? 'text';
    return kind.startsWith('ref:') ? 'uuid' : FIELD_TYPES[kind as keyof typeof FIELD_TYPES];
  }),
  'timestamptz',
  'timestamptz',
  'timestamptz',
  'text',
  'bigint',
  'json',
  'json',
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

/** The row's values in the order of `columnsOf` after `user_id`. */
export function toColumns(entity: Entity, row: StoredRow, deletedAt: string | null): unknown[] {
  const out: unknown[] = [row.id];
  for (const f of entityFieldNames(entity)) out.push(row.state.values[f] ?? null);
  out.push(
    row.createdAt,
    row.updatedAt,
    deletedAt,
    row.updatedByDeviceId,
    row.rowVersion,
    row.state.clocks,
    row.state.deletedClock,
  );
  return out;
}
