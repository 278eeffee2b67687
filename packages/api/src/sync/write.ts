import type { SqlRunner } from '@storesync/db';
import { ENTITIES, type Entity, type EntityRow, type Op } from '@storesync/schema';
import { deletedAtOf } from './canonical.ts';
import {
  type ColumnType,
  columnsOf,
  columnTypesOf,
  STORE_ID,
  type StoredRow,
  tableOf,
  toColumns,
} from './tables.ts';

export interface NewEvent {
  entity: Entity;
  entityId: string;
  op: Op;
  payload: EntityRow;
  clientUpdatedAt: string;
  eventUuid: string;
}

export interface BatchWrite {
  userId: string;
  deviceId: string;
  serverTime: string;
  /** Changed rows the store did not hold when the batch read its state: plain INSERTs. */
  inserts: Record<Entity, StoredRow[]>;
  /** Changed rows the store held: UPDATEs by key. */
  updates: Record<Entity, StoredRow[]>;
  events: NewEvent[];
}

/**
 * One column of a batch as one parameter: a typed array, or for JSON columns
 * newline-separated JSON texts (JSON.stringify never writes a raw newline), so
 * neither side escapes or parses the values twice. JSON `null` is SQL NULL.
 */
const source = (type: ColumnType, param: number) =>
  type === 'json' ? `string_to_table($${param}::text, E'\\n')` : `unnest($${param}::${type}[])`;
const value = (type: ColumnType, col: string) =>
  type === 'json' ? `NULLIF(r.${col}, 'null')::jsonb` : `r.${col}`;
const columnParam = (type: ColumnType, values: unknown[]): string =>
  type === 'json' ? values.map((v) => JSON.stringify(v ?? null)).join('\n') : arrayLiteral(values);

const NEEDS_ESCAPE = /[\\"]/;
/**
 * An array literal of scalars (strings, numbers), every element quoted: what
 * node-postgres would send for the array, built in one pass (half its time).
 */
export function arrayLiteral(values: unknown[]): string {
  let out = '{';
  for (let i = 0; i < values.length; i++) {
    if (i > 0) out += ',';
    const v = values[i];
    if (v === null || v === undefined) out += 'NULL';
    else {
      const s = String(v);
      out += `"${NEEDS_ESCAPE.test(s) ? s.replace(/[\\"]/g, '\\$&') : s}"`;
    }
  }
  return `${out}}`;
}

/** `ROWS FROM (…) AS r(cols)` over the columns' parameters, zipped by position. */
const rowsFrom = (cols: string[], types: ColumnType[], first: number, ordinality = false) =>
  `ROWS FROM (${types.map((t, i) => source(t, first + i)).join(', ')})${ordinality ? ' WITH ORDINALITY' : ''} AS r(${[...cols, ...(ordinality ? ['ord'] : [])].join(', ')})`;

/** The entity's columns after `user_id`, which every row takes from $1. */
const ownColumns = (entity: Entity) => ({
  cols: columnsOf(entity).slice(1),
  types: columnTypesOf(entity).slice(1),
});

const insertCte = (entity: Entity, first: number) => {
  const { cols, types } = ownColumns(entity);
  return `i_${entity} AS (INSERT INTO ${tableOf(entity)} (user_id, ${cols.join(', ')})
    SELECT $1::uuid, ${cols.map((c, i) => value(types[i] as ColumnType, c)).join(', ')}
    FROM ${rowsFrom(cols, types, first)})`;
};

const updateCte = (entity: Entity, first: number) => {
  const { cols, types } = ownColumns(entity);
  const sets = cols
    .map((c, i) => (c === 'id' || c === 'created_at' ? null : `${c} = ${value(types[i] as ColumnType, c)}`))
    .filter((s) => s !== null);
  return `u_${entity} AS (UPDATE ${tableOf(entity)} t SET ${sets.join(', ')}
    FROM ${rowsFrom(cols, types, first)}
    WHERE t.user_id = ${STORE_ID} AND t.id = r.id)`;
};

const EVENT_COLS = ['entity', 'entity_id', 'op', 'payload', 'client_updated_at', 'event_uuid'];
const EVENT_TYPES: ColumnType[] = ['text', 'uuid', 'text', 'json', 'timestamptz', 'uuid'];

/** The statement for a batch of this shape (which entities insert, which update), built once. */
const statements = new Map<string, string>();
function statementFor(shape: { inserts: Entity[]; updates: Entity[] }): string {
  const key = `${shape.inserts.join(',')}/${shape.updates.join(',')}`;
  let sql = statements.get(key);
  if (sql) return sql;
  let next = 4; // $1 user, $2 device, $3 server time
  const ctes: string[] = [];
  for (const entity of shape.inserts) {
    ctes.push(insertCte(entity, next));
    next += columnsOf(entity).length - 1;
  }
  for (const entity of shape.updates) {
    ctes.push(updateCte(entity, next));
    next += columnsOf(entity).length - 1;
  }
  // Ids come from the column's sequence as the rows are inserted, in the batch's order.
  ctes.push(`ev AS (INSERT INTO sync_events
      (user_id, device_id, entity, entity_id, op, payload, client_updated_at, server_received_at, event_uuid)
    SELECT $1::uuid, $2, r.entity, r.entity_id, r.op, r.payload::jsonb, r.client_updated_at, $3::timestamptz,
      r.event_uuid
    FROM ${rowsFrom(EVENT_COLS, EVENT_TYPES, next, true)}
    ORDER BY r.ord
    RETURNING event_id, event_uuid)`);
  sql = `WITH ${ctes.join(',\n')}\nSELECT event_id::text AS id, event_uuid::text AS uuid FROM ev`;
  statements.set(key, sql);
  return sql;
}

/** One parameter per column (after user_id) of these rows. */
function columnParams(entity: Entity, rows: StoredRow[]): unknown[] {
  const types = columnTypesOf(entity).slice(1);
  const columns: unknown[][] = types.map(() => new Array(rows.length));
  rows.forEach((row, r) => {
    toColumns(entity, row, deletedAtOf(row)).forEach((v, c) => {
      (columns[c] as unknown[])[r] = v;
    });
  });
  return columns.map((values, c) => columnParam(types[c] as ColumnType, values));
}

/**
 * Writes a batch's changed rows and appends its events in a single statement
 * (one round trip). Rows new to the store are plain INSERTs and rows it held
 * plain UPDATEs: the store lock (`lockStore`) admits no other writer between
 * the batch's read and this write, so which is which cannot change. Event ids
 * are drawn for the batch and handed out in ascending order by the event's
 * position, so the log's order is the batch's. Foreign keys are checked at the
 * end of the statement, so parents and children may arrive together. Must run
 * under `lockStore`: see there for why pullers then skip nothing. Returns the
 * event ids, in the events' order.
 */
export async function writeBatch(tx: SqlRunner, w: BatchWrite): Promise<number[]> {
  // Every changed row comes with the event that changed it: no events, nothing to write.
  if (w.events.length === 0) return [];
  const params: unknown[] = [w.userId, w.deviceId, w.serverTime];
  const shape = {
    inserts: ENTITIES.filter((e) => w.inserts[e].length > 0),
    updates: ENTITIES.filter((e) => w.updates[e].length > 0),
  };
  for (const entity of shape.inserts) params.push(...columnParams(entity, w.inserts[entity]));
  for (const entity of shape.updates) params.push(...columnParams(entity, w.updates[entity]));
  const ev = w.events;
  params.push(
    arrayLiteral(ev.map((e) => e.entity)),
    arrayLiteral(ev.map((e) => e.entityId)),
    arrayLiteral(ev.map((e) => e.op)),
    ev.map((e) => JSON.stringify(e.payload)).join('\n'),
    arrayLiteral(ev.map((e) => e.clientUpdatedAt)),
    arrayLiteral(ev.map((e) => e.eventUuid)),
  );
  const rows = await tx.query<{ id: string; uuid: string }>(statementFor(shape), params, {
    prepare: true,
  });
  const ids = new Map(rows.map((r) => [r.uuid, Number(r.id)]));
  const out = ev.map((e) => ids.get(e.eventUuid) ?? Number.NaN);
  // The log's order must be the batch's: never hand out ids that say otherwise.
  for (let i = 0; i < out.length; i++) {
    if (!((out[i] as number) > (i > 0 ? (out[i - 1] as number) : 0)))
      throw new Error('sync_events ids out of the batch order');
  }
  return out;
}
