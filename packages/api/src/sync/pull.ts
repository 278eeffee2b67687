import type { SqlDb } from '@storesync/db';
import type { PulledEvent, PullOutput } from '@storesync/schema';
import { RefusedError } from '../errors.ts';

/** A cursor older than the store's compacted log (docs/protocol.md, "Compaction"). */
const resyncRequired = (cursor: number) =>
  new RefusedError({
    code: 'CONFLICT',
    reason: 'RESYNC_REQUIRED',
    message: `cursor ${cursor}: the log before it was compacted; take the snapshot again (sync.snapshot), then pull from its cursor`,
    params: { cursor },
  });

/** `server_received_at` as the wire's ISO-8601 UTC text. */
const AT = `to_char(server_received_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * A page ends early, with `hasMore`, once its rows hold about this many bytes
 * as stored, so that a page of the largest rows (sales of 200 items) stays a
 * few MiB whatever `limit` asked for.
 */
export const PAGE_BYTES = 4 * 1024 * 1024;

/**
 * What a compressed row counts for, times its stored size. Large rows are
 * compressed, and printing them only to measure them would cost a page
 * printing up to `limit` rows (a page of 5,000 sales to send 90). Real sales
 * compress 2–4×; rows made to compress (pglz's most is ~128×) print at most
 * 16× PAGE_BYTES.
 */
const COMPRESSED_WEIGHT = 8;

/** An entry's row size from its stored form alone: nothing is read from TOAST, nothing printed. */
const ROW_BYTES = `pg_column_size(payload)
  * CASE WHEN pg_column_compression(payload) IS NULL THEN 1 ELSE ${COMPRESSED_WEIGHT} END`;

/** Each entry as the JSON of a `PulledEvent`: the stored row spliced in as it is, `to_json` quoting the text fields (ids and times need none). */
const EVENT_JSON = `'{"eventId":' || event_id || ',"entity":' || to_json(entity) || ',"entityId":"' || entity_id
  || '","op":' || to_json(op) || ',"row":' || payload::text || ',"deviceId":' || to_json(device_id)
  || ',"serverReceivedAt":"' || ${AT} || '"}'`;

/**
 * The store's change log after `$2`, ascending, `$3 + 1` entries at most (the
 * last one only says there are more): an ordered range scan of the
 * (user_id, event_id) index, gap-free because writers hold the store lock
 * while they draw ids (see sync/lock.ts). An entry whose rows before it in
 * the page hold `PAGE_BYTES` or more comes back with a null `event`, unprinted:
 * the page ends before it. The running sum is one window over the same scan
 * (5–7 % of the page query's own rate, docs/benchmarks.md). `horizon` is the
 * store's compaction horizon (sync/compact.ts), read once, in the same snapshot
 * as the page: a compaction's deletes and its horizon commit together, so the
 * page either still holds what it removed or sees the horizon. The bench's pull
 * ceiling runs this SQL too.
 */
export const PULL_PAGE_SQL = `SELECT event_id::text AS id,
    (SELECT event_id FROM log_horizons WHERE user_id = $1::uuid)::text AS horizon,
    CASE WHEN coalesce(sum(${ROW_BYTES}) OVER (ORDER BY event_id ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0)
      < ${PAGE_BYTES} THEN ${EVENT_JSON} END AS event
  FROM sync_events WHERE user_id = $1::uuid AND event_id > $2::bigint
  ORDER BY event_id LIMIT $3::int + 1`;

/**
 * The page in `PULL_PAGE_SQL`'s rows: each event as its JSON text, the cursor
 * after them, and whether more follow (more entries than `limit`, or the page
 * ended at `PAGE_BYTES`). A page holds at least one event when any is left.
 */
export function cutPage(
  records: readonly { id: string; event: string | null }[],
  cursor: number,
  limit: number,
): { events: string[]; cursor: number; hasMore: boolean } {
  const events: string[] = [];
  let last = cursor;
  for (const r of records) {
    if (events.length === limit || r.event === null) break;
    events.push(r.event);
    last = Number(r.id);
  }
  return { events, cursor: last, hasMore: records.length > events.length };
}

/** A page of the change log, as `cutPage` gives it, with `remaining` when asked for. */
async function readPage(
  sql: SqlDb,
  userId: string,
  cursor: number,
  limit: number,
  withRemaining = false,
): Promise<{ events: string[]; cursor: number; hasMore: boolean; remaining?: number }> {
  return sql.transaction(async (tx) => {
    // With a store's statistics stale (a new, fast-growing store), the planner
    // may pick a bitmap scan, which reads every remaining event of the store
    // for each page: pulling from 0 would then be quadratic.
    await tx.query('SET LOCAL enable_bitmapscan = off');
    const records = await tx.query<{ id: string; horizon: string | null; event: string | null }>(
      PULL_PAGE_SQL,
      [userId, cursor, limit],
    );
    const page = cutPage(records, cursor, limit);
    // No entry after the cursor means it is at the newest, which compaction never removes.
    if (cursor > 0 && cursor < Number(records[0]?.horizon ?? 0)) throw resyncRequired(cursor);
    if (!withRemaining) return page;
    // Asked once per sync, so a range count of the store's index (in the same snapshot) costs one page's time at most.
    const [left] = page.hasMore
      ? await tx.query<{ n: string }>(
          'SELECT count(*)::text AS n FROM sync_events WHERE user_id = $1::uuid AND event_id > $2::bigint',
          [userId, page.cursor],
        )
      : [{ n: '0' }];
    return { ...page, remaining: Number(left?.n ?? 0) };
  });
}

/** A page of `sync.pull`, as objects. */
export async function pullEvents(
  sql: SqlDb,
  userId: string,
  cursor: number,
  limit: number,
  withRemaining = false,
): Promise<PullOutput> {
  const page = await readPage(sql, userId, cursor, limit, withRemaining);
  const out: PullOutput = {
    events: page.events.map((e) => JSON.parse(e) as PulledEvent),
    cursor: page.cursor,
    hasMore: page.hasMore,
  };
  if (page.remaining !== undefined) out.remaining = page.remaining;
  return out;
}

/**
 * The same page as JSON text, for HTTP: PostgreSQL prints each event and
 * Node only joins them, so a page is never parsed and serialised again.
 * (Splicing seven columns per event in Node cost ~1.5–2 ms more of the
 * server's thread per 1,000 events, in string work, row parsing and GC, than
 * one text per event; PostgreSQL prints the one text in about the time it
 * took to print the seven.) `count` is the number of events in the page,
 * for the request's log line; `cursor` and `hasMore` as in the JSON.
 */
export async function pullEventsJson(
  sql: SqlDb,
  userId: string,
  cursor: number,
  limit: number,
  withRemaining = false,
): Promise<{ json: string; count: number; cursor: number; hasMore: boolean }> {
  const page = await readPage(sql, userId, cursor, limit, withRemaining);
  const remaining = page.remaining === undefined ? '' : `,"remaining":${page.remaining}`;
  const json = `{"events":[${page.events.join(',')}],"cursor":${page.cursor},"hasMore":${page.hasMore}${remaining}}`;
  return { json, count: page.events.length, cursor: page.cursor, hasMore: page.hasMore };
}
