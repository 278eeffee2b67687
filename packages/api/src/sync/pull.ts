import type { SqlDb } from '@storesync/db';
import type { PulledEvent, PullOutput } from '@storesync/schema';

/**
 * The store's change log after `cursor`, ascending: an ordered range scan of
 * the (user_id, event_id) index, gap-free because writers hold the store lock
 * while they draw ids (see sync/lock.ts). PostgreSQL builds the page's JSON
 * itself, so the server parses one string per page instead of a row per event.
 */
export async function pullEvents(
  sql: SqlDb,
  userId: string,
  cursor: number,
  limit: number,
): Promise<PullOutput> {
  const [page] = await sql.transaction(async (tx) => {
    // With a store's statistics stale (a new, fast-growing store), the planner
    // may pick a bitmap scan, which reads every remaining event of the store
    // for each page: pulling from 0 would then be quadratic.
    await tx.query('SET LOCAL enable_bitmapscan = off');
    return tx.query<{ events: string; more: boolean }>(
      `SELECT coalesce(json_agg(json_build_object(
                'eventId', p.event_id, 'entity', p.entity, 'entityId', p.entity_id, 'op', p.op, 'row', p.payload,
                'deviceId', p.device_id,
                'serverReceivedAt', to_char(p.server_received_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
              ORDER BY p.event_id) FILTER (WHERE p.n <= $3), '[]')::text AS events,
              count(*) > $3 AS more
       FROM (SELECT e.*, row_number() OVER (ORDER BY e.event_id) AS n FROM sync_events e
             WHERE e.user_id = $1::uuid AND e.event_id > $2::bigint
             ORDER BY e.event_id LIMIT $3::int + 1) p`,
      [userId, cursor, limit],
    );
  });
  const events = JSON.parse(page?.events ?? '[]') as PulledEvent[];
  return { events, cursor: events.at(-1)?.eventId ?? cursor, hasMore: page?.more === true };
}
