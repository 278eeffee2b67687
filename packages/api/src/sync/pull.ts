import type { SqlDb } from '@storesync/db';
import type { Entity, Op, PullOutput } from '@storesync/schema';

interface EventRecord {
  id: string;
  entity: Entity;
  entity_id: string;
  op: Op;
  row: string;
  device_id: string;
  at: string;
}

/**
 * The store's change log after `cursor`, ascending: an ordered range scan of
 * the (user_id, event_id) index, gap-free because writers hold the store lock
 * while they draw ids (see sync/lock.ts). Rows come back as the JSON text they
 * are stored as: PostgreSQL only prints them, which costs a fifth of building
 * the page's JSON there.
 */
export async function pullEvents(
  sql: SqlDb,
  userId: string,
  cursor: number,
  limit: number,
): Promise<PullOutput> {
  const records = await sql.transaction(async (tx) => {
    // With a store's statistics stale (a new, fast-growing store), the planner
    // may pick a bitmap scan, which reads every remaining event of the store
    // for each page: pulling from 0 would then be quadratic.
    await tx.query('SET LOCAL enable_bitmapscan = off');
    return tx.query<EventRecord>(
      `SELECT event_id::text AS id, entity, entity_id::text, op, payload::text AS row, device_id,
              to_char(server_received_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at
       FROM sync_events WHERE user_id = $1::uuid AND event_id > $2::bigint
       ORDER BY event_id LIMIT $3::int + 1`,
      [userId, cursor, limit],
    );
  });
  const events = records.slice(0, limit).map((r) => ({
    eventId: Number(r.id),
    entity: r.entity,
    entityId: r.entity_id,
    op: r.op,
    row: JSON.parse(r.row),
    deviceId: r.device_id,
    serverReceivedAt: r.at,
  }));
  return { events, cursor: events.at(-1)?.eventId ?? cursor, hasMore: records.length > limit };
}
