import type { Db } from '@storesync/db';
import type { Entity, Op, PullOutput } from '@storesync/schema';

interface EventRecord {
  id: string;
  entity: Entity;
  entity_id: string;
  op: Op;
  payload: string;
  device_id: string;
  received: string;
}

/**
 * The store's change log after `cursor`, ascending, by an index scan on
 * (user_id, event_id). Gap-free because writers hold the store lock while they
 * draw ids (see sync/lock.ts).
 */
export async function pullEvents(db: Db, userId: string, cursor: number, limit: number): Promise<PullOutput> {
  const rows = await db.$queryRawUnsafe<EventRecord[]>(
    // Output columns are renamed so that ORDER BY sorts the bigint, not its text.
    `SELECT e.event_id::text AS id, e.entity, e.entity_id::text AS entity_id, e.op, e.payload::text AS payload,
            e.device_id, to_char(e.server_received_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS received
     FROM sync_events e WHERE e.user_id = $1::uuid AND e.event_id > $2::bigint
     ORDER BY e.event_id LIMIT $3::int`,
    userId,
    cursor,
    limit + 1,
  );
  const page = rows.slice(0, limit);
  const events = page.map((r) => ({
    eventId: Number(r.id),
    entity: r.entity,
    entityId: r.entity_id,
    op: r.op,
    row: JSON.parse(r.payload),
    deviceId: r.device_id,
    serverReceivedAt: r.received,
  }));
  return { events, cursor: events.at(-1)?.eventId ?? cursor, hasMore: rows.length > limit };
}
