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

/** `server_received_at` as the wire's ISO-8601 UTC text. */
const AT = `to_char(server_received_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * The store's change log after `cursor`, ascending, `limit + 1` entries (the
 * last one only says there are more): an ordered range scan of the
 * (user_id, event_id) index, gap-free because writers hold the store lock
 * while they draw ids (see sync/lock.ts). `columns` picks what each entry
 * is printed as; rows come back as text, which PostgreSQL only prints.
 */
async function pageQuery<T>(sql: SqlDb, columns: string, userId: string, cursor: number, limit: number) {
  return sql.transaction(async (tx) => {
    // With a store's statistics stale (a new, fast-growing store), the planner
    // may pick a bitmap scan, which reads every remaining event of the store
    // for each page: pulling from 0 would then be quadratic.
    await tx.query('SET LOCAL enable_bitmapscan = off');
    return tx.query<T>(
      `SELECT ${columns}
       FROM sync_events WHERE user_id = $1::uuid AND event_id > $2::bigint
       ORDER BY event_id LIMIT $3::int + 1`,
      [userId, cursor, limit],
    );
  });
}

/** A page of `columns` (an `id` among them): its events, the cursor after them, and whether more follow. */
async function readPage<T extends { id: string }>(
  sql: SqlDb,
  columns: string,
  userId: string,
  cursor: number,
  limit: number,
): Promise<{ records: T[]; cursor: number; hasMore: boolean }> {
  const records = await pageQuery<T>(sql, columns, userId, cursor, limit);
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
  const page = await readPage<EventRecord>(
    sql,
    `event_id::text AS id, entity, entity_id::text, op, payload::text AS row, device_id, ${AT} AS at`,
    userId,
    cursor,
    limit,
  );
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

/** What each entry of the HTTP page is printed as (see pullEventsJson); the bench's ceiling runs it too. */
export const PULL_JSON_COLUMNS = `event_id::text AS id,
  '{"eventId":' || event_id || ',"entity":' || to_json(entity) || ',"entityId":"' || entity_id
    || '","op":' || to_json(op) || ',"row":' || payload::text || ',"deviceId":' || to_json(device_id)
    || ',"serverReceivedAt":"' || ${AT} || '"}' AS event`;

/**
 * The same page as JSON text, for HTTP: PostgreSQL prints each event as the
 * JSON of a `PulledEvent`, the stored row spliced in as it is, and Node only
 * joins them, so a page of 1,000 events is never parsed and serialised again.
 * (Splicing seven columns per event in Node cost ~1.5–2 ms more of the
 * server's thread per page, in string work, row parsing and GC, than one
 * text per event; PostgreSQL prints the one text in about the time it took
 * to print the seven.) `to_json` quotes the text fields as JSON does; ids
 * and times need none. `count` is the number of events in the page, for
 * the request's log line; `cursor` and `hasMore` as in the JSON.
 */
export async function pullEventsJson(
  sql: SqlDb,
  userId: string,
  cursor: number,
  limit: number,
): Promise<{ json: string; count: number; cursor: number; hasMore: boolean }> {
  const page = await readPage<{ id: string; event: string }>(sql, PULL_JSON_COLUMNS, userId, cursor, limit);
  const json = `{"events":[${page.records.map((r) => r.event).join(',')}],"cursor":${page.cursor},"hasMore":${page.hasMore}}`;
  return { json, count: page.records.length, cursor: page.cursor, hasMore: page.hasMore };
}
