import type { SqlDb } from '@storesync/db';

export interface CompactOptions {
  /** Entries younger than this many days are never removed. */
  horizonDays: number;
  /** Entries looked at per transaction: small, so a batch never holds a store for long. */
  batch: number;
}

export const DEFAULT_COMPACTION: CompactOptions = { horizonDays: 90, batch: 1000 };

/**
 * One batch of a pass over one store's log: of the next `$3` entries after where the pass has
 * come to (`$2`), those older than the horizon (`$4` days) that are either superseded by a newer
 * entry of the same row, or a deleted row's last entry (its tombstone), except the store's
 * newest entry. Removed entries' uuids go to `compacted_events`, so pushes stay idempotent.
 *
 * Why no device loses anything: a superseded entry's row comes again, whole, in the later
 * entry, which every cursor before either still pulls. A tombstone's last entry is the one
 * thing a device behind it would miss: the store's horizon becomes the newest such id, and a
 * pull from a cursor below it answers RESYNC_REQUIRED (pull.ts). Keeping the newest entry
 * keeps `max(event_id)` — a snapshot's and a digest's cursor — past the horizon.
 */
const BATCH_SQL = `WITH looked AS (
    SELECT event_id, event_uuid, entity, entity_id, (payload->>'deletedAt') IS NOT NULL AS tomb,
      server_received_at < now() - make_interval(days => $4::int) AS old
    FROM sync_events WHERE user_id = $1::uuid AND event_id > $2::bigint
    ORDER BY event_id LIMIT $3::int
  ), judged AS (
    SELECT l.*, EXISTS (
        SELECT 1 FROM sync_events n
        WHERE n.user_id = $1::uuid AND n.entity = l.entity AND n.entity_id = l.entity_id AND n.event_id > l.event_id
      ) AS superseded
    FROM looked l WHERE l.old
  ), newest AS (
    SELECT max(event_id) AS id FROM sync_events WHERE user_id = $1::uuid
  ), gone AS (
    DELETE FROM sync_events s USING judged j, newest
    WHERE s.user_id = $1::uuid AND s.event_id = j.event_id AND s.event_id < newest.id AND (j.superseded OR j.tomb)
    RETURNING s.event_id, s.event_uuid, j.superseded
  ), kept AS (
    INSERT INTO compacted_events (user_id, event_uuid, event_id)
    SELECT $1::uuid, event_uuid, event_id FROM gone ON CONFLICT DO NOTHING
  )
  SELECT (SELECT count(*) FROM looked)::int AS looked,
    coalesce((SELECT bool_or(old) FROM looked), false) AS any_old,
    (SELECT max(event_id) FROM looked)::text AS last,
    (SELECT count(*) FROM gone)::int AS removed,
    (SELECT max(event_id) FROM gone WHERE NOT superseded)::text AS horizon`;

/**
 * One batch of one store (see BATCH_SQL), in one transaction; null when another compactor
 * (another app process) is at work. `done`: the pass reached a batch with no entry older than
 * the horizon, or the log's end, and the next starts over.
 */
export async function compactBatch(
  sql: SqlDb,
  userId: string,
  options: CompactOptions = DEFAULT_COMPACTION,
): Promise<{ looked: number; removed: number; done: boolean } | null> {
  return sql.transaction(async (tx) => {
    const [lock] = await tx.query<{ ok: boolean }>(
      "SELECT pg_try_advisory_xact_lock(hashtextextended('storesync:compaction', 7)) AS ok",
    );
    if (!lock?.ok) return null;
    await tx.query('INSERT INTO log_horizons (user_id) VALUES ($1::uuid) ON CONFLICT DO NOTHING', [userId]);
    const [at] = await tx.query<{ scanned: string }>(
      'SELECT scanned_to::text AS scanned FROM log_horizons WHERE user_id = $1::uuid',
      [userId],
    );
    const [b] = await tx.query<{
      looked: number;
      any_old: boolean;
      last: string | null;
      removed: number;
      horizon: string | null;
    }>(BATCH_SQL, [userId, at?.scanned ?? '0', options.batch, options.horizonDays]);
    // Entries come in time order, so a batch with nothing old means the rest is young too.
    const done = !b || b.looked < options.batch || !b.any_old;
    await tx.query(
      `UPDATE log_horizons SET scanned_to = $2::bigint, event_id = greatest(event_id, $3::bigint),
         compacted_at = CASE WHEN $4::int > 0 THEN now() ELSE compacted_at END
       WHERE user_id = $1::uuid`,
      [userId, done ? '0' : (b?.last ?? '0'), b?.horizon ?? '0', b?.removed ?? 0],
    );
    return { looked: b?.looked ?? 0, removed: b?.removed ?? 0, done };
  });
}

/**
 * A whole pass over one store: batches until one reaches entries younger than the horizon.
 * `pause` runs between batches, told how long the last one took (the background job yields to
 * pushes there: `pauseAfter`). The entries removed.
 */
export async function compactStore(
  sql: SqlDb,
  userId: string,
  options: CompactOptions = DEFAULT_COMPACTION,
  pause: (batchMs: number) => Promise<void> = async () => {},
): Promise<number> {
  let removed = 0;
  for (;;) {
    const started = performance.now();
    const batch = await compactBatch(sql, userId, options);
    if (!batch) return removed;
    removed += batch.removed;
    if (batch.done) return removed;
    await pause(performance.now() - started);
  }
}

/**
 * The pause after a batch: three times as long as it took, 20 ms at least. Compaction then
 * holds the database a quarter of the time at most, whatever the machine, and the pushes
 * between its batches go first (a fixed 20 ms let a 1,000,000-entry pass take most of the
 * database's time, and other stores' pushes waited: docs/benchmarks.md).
 */
export const pauseAfter = (batchMs: number) =>
  new Promise<void>((resolve) => setTimeout(resolve, Math.max(20, 3 * batchMs)));

/** The store's horizon: a pull from a cursor above 0 and below it must resync. */
export async function logHorizon(sql: Pick<SqlDb, 'query'>, userId: string): Promise<number> {
  const [row] = await sql.query<{ id: string }>(
    'SELECT event_id::text AS id FROM log_horizons WHERE user_id = $1::uuid',
    [userId],
  );
  return row ? Number(row.id) : 0;
}
