import type { SqlDb } from '@storesync/db';
import type { Entity, Op, PulledEvent, PullOutput } from '@storesync/schema';

interface EventRecord {
  id: string;
  entity: Entity;
  entity_id: string;
  op: Op;
  /** The canonical row, as the JSON text PostgreSQL prints for its jsonb. */
  row: string;
  device_id: string;
  at: string;
}

interface Page {
  records: EventRecord[];
  cursor: number;
  hasMore: boolean;
}

/**
 * The store's change log after `cursor`, ascending: an ordered range scan of
 * the (user_id, event_id) index, gap-free because writers hold the store lock
 * while they draw ids (see sync/lock.ts). Rows come back as text: PostgreSQL
 * only prints them, a fifth of the cost of building the page's JSON there.
 */
async function readPage(sql: SqlDb, userId: string, cursor: number, limit: number): Promise<Page> {
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
  const hasMore = records.length > limit;
  if (hasMore) records.pop();
  const last = records.at(-1);
  return { records, cursor: last ? Number(last.id) : cursor, hasMore };
}

/** A page of `sync.pull`, as objects. */
export async function pullEvents(
  sql: SqlDb,
  userId: string,
  cursor: number,
  limit: number,
): Promise<PullOutput> {
  const page = await readPage(sql, userId, cursor, limit);
  const events: PulledEvent[] = page.records.map((r) => ({
    eventId: Number(r.id),
    entity: r.entity,
    entityId: r.entity_id,
    op: r.op,
    row: JSON.parse(r.row),
    deviceId: r.device_id,
    serverReceivedAt: r.at,
  }));
  return { events, cursor: page.cursor, hasMore: page.hasMore };
}

/**
 * The same page as JSON text, for HTTP: the stored rows are spliced in as
 * they are, so a page of 1,000 events is never parsed and serialised again.
 * `count` is the number of events in it, for the request's log line.
 */
export async function pullEventsJson(
  sql: SqlDb,
  userId: string,
  cursor: number,
  limit: number,
): Promise<{ json: string; count: number; cursor: number; hasMore: boolean }> {
  const page = await readPage(sql, userId, cursor, limit);
  const q = JSON.stringify;
  const events = page.records.map(
    (r) =>
      `{"eventId":${r.id},"entity":${q(r.entity)},"entityId":${q(r.entity_id)},"op":${q(r.op)},"row":${r.row},` +
      `"deviceId":${q(r.device_id)},"serverReceivedAt":${q(r.at)}}`,
  );
  const json = `{"events":[${events.join(',')}],"cursor":${page.cursor},"hasMore":${page.hasMore}}`;
  return { json, count: events.length, cursor: page.cursor, hasMore: page.hasMore };
}
