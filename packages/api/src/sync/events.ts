import type { Tx } from '@storesync/db';
import type { Entity, EntityRow, Op } from '@storesync/schema';

export interface NewEvent {
  entity: Entity;
  entityId: string;
  op: Op;
  payload: EntityRow;
  clientUpdatedAt: string;
  eventUuid: string;
}

/** Finds which of these event uuids the store has already applied, with their event ids. */
export async function findApplied(tx: Tx, userId: string, uuids: string[]): Promise<Map<string, number>> {
  if (uuids.length === 0) return new Map();
  const rows = await tx.$queryRawUnsafe<{ u: string; id: string }[]>(
    `SELECT event_uuid::text AS u, event_id::text AS id FROM sync_events
     WHERE user_id = $1::uuid AND event_uuid = ANY($2::uuid[])`,
    userId,
    uuids,
  );
  return new Map(rows.map((r) => [r.u, Number(r.id)]));
}

/**
 * Appends events in the order given and returns their ids. Ids are drawn first
 * and handed out in ascending order, so the log's order is the batch's order.
 * Must run under `lockStore` (see there for why pullers then skip nothing).
 */
export async function appendEvents(
  tx: Tx,
  userId: string,
  deviceId: string,
  serverTime: string,
  events: NewEvent[],
): Promise<number[]> {
  if (events.length === 0) return [];
  const drawn = await tx.$queryRawUnsafe<{ id: string }[]>(
    `SELECT nextval(pg_get_serial_sequence('sync_events', 'event_id'))::text AS id FROM generate_series(1, $1::int)`,
    events.length,
  );
  const ids = drawn.map((r) => Number(r.id)).sort((a, b) => a - b);
  const records = events.map((e, i) => ({
    event_id: ids[i],
    entity: e.entity,
    entity_id: e.entityId,
    op: e.op,
    payload: e.payload,
    client_updated_at: e.clientUpdatedAt,
    event_uuid: e.eventUuid,
  }));
  await tx.$executeRawUnsafe(
    `INSERT INTO sync_events
       (event_id, user_id, device_id, entity, entity_id, op, payload, client_updated_at, server_received_at, event_uuid)
     SELECT e.event_id, $1::uuid, $2, e.entity, e.entity_id, e.op, e.payload, e.client_updated_at, $3::timestamptz, e.event_uuid
     FROM jsonb_to_recordset($4::jsonb) AS e(event_id bigint, entity text, entity_id uuid, op text, payload jsonb,
                                            client_updated_at timestamptz, event_uuid uuid)`,
    userId,
    deviceId,
    serverTime,
    JSON.stringify(records),
  );
  return ids;
}
