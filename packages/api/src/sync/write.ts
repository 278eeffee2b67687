import type { SqlRunner } from '@storesync/db';
import { ENTITIES, type Entity, type EntityRow, type Op } from '@storesync/schema';
import { deletedAtOf } from './canonical.ts';
import { columnsOf, type StoredRow, tableOf, toRecord } from './tables.ts';

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
  rows: Record<Entity, StoredRow[]>;
  events: NewEvent[];
}

const upsertCte = (entity: Entity, param: number) => {
  const cols = columnsOf(entity);
  const updates = cols
    .filter((c) => c !== 'user_id' && c !== 'id' && c !== 'created_at')
    .map((c) => `${c} = EXCLUDED.${c}`)
    .join(', ');
  return `w_${entity} AS (INSERT INTO ${tableOf(entity)} (${cols.join(', ')})
    SELECT ${cols.join(', ')} FROM jsonb_populate_recordset(NULL::${tableOf(entity)}, $${param}::jsonb)
    ON CONFLICT (user_id, id) DO UPDATE SET ${updates})`;
};

/**
 * Writes a batch's changed rows and appends its events in a single statement
 * (one round trip). Event ids are drawn for the batch and handed out in
 * ascending order by the event's position, so the log's order is the batch's.
 * Foreign keys are checked at the end of the statement, so parents and
 * children may arrive together. Must run under `lockStore`: see there for why
 * pullers then skip nothing. Returns the event ids, in the events' order.
 */
export async function writeBatch(tx: SqlRunner, w: BatchWrite): Promise<number[]> {
  // Every changed row comes with the event that changed it: no events, nothing to write.
  if (w.events.length === 0) return [];
  const params: unknown[] = [w.userId, w.deviceId, w.serverTime];
  const ctes: string[] = [];
  for (const entity of ENTITIES) {
    if (w.rows[entity].length === 0) continue;
    params.push(
      JSON.stringify(w.rows[entity].map((row) => toRecord(entity, w.userId, row, deletedAtOf(row)))),
    );
    ctes.push(upsertCte(entity, params.length));
  }
  params.push(
    JSON.stringify(
      w.events.map((e, i) => ({
        ord: i + 1,
        entity: e.entity,
        entity_id: e.entityId,
        op: e.op,
        payload: e.payload,
        client_updated_at: e.clientUpdatedAt,
        event_uuid: e.eventUuid,
      })),
    ),
  );
  const events = params.length;
  ctes.push(`ids AS (SELECT nextval(pg_get_serial_sequence('sync_events', 'event_id')) AS id
    FROM generate_series(1, jsonb_array_length($${events}::jsonb)))`);
  ctes.push(`numbered AS (SELECT id, row_number() OVER (ORDER BY id) AS ord FROM ids)`);
  ctes.push(`ev AS (INSERT INTO sync_events
      (event_id, user_id, device_id, entity, entity_id, op, payload, client_updated_at, server_received_at, event_uuid)
    SELECT n.id, $1::uuid, $2, e.entity, e.entity_id, e.op, e.payload, e.client_updated_at, $3::timestamptz, e.event_uuid
    FROM jsonb_to_recordset($${events}::jsonb) AS e(ord bigint, entity text, entity_id uuid, op text, payload jsonb,
                                                 client_updated_at timestamptz, event_uuid uuid)
    JOIN numbered n ON n.ord = e.ord
    RETURNING event_id)`);
  const rows = await tx.query<{ id: string }>(
    `WITH ${ctes.join(',\n')} SELECT event_id::text AS id FROM ev`,
    params,
  );
  return rows.map((r) => Number(r.id)).sort((a, b) => a - b);
}
