import type { SqlDb } from '@storesync/db';
import type { Context } from '../context.ts';
import { defaultLogger } from '../log.ts';
import { metrics } from '../metrics.ts';

/** What the lag check needs of a pull page, whatever its form (objects or JSON text). */
export interface PageEnd {
  cursor: number;
  hasMore: boolean;
}

export type PullSource = 'primary' | 'replica';

/** How often a pull that found the replica behind asks it again, within `replicaWaitMs`. */
const STEP_MS = 5;
/** After the replica stayed behind a whole wait, pulls skip the wait for this long. */
const BEHIND_MS = 1_000;

const behindUntil = new WeakMap<SqlDb, number>();

/** The store's newest event id on `sql` (0 for none): a backward scan of (user_id, event_id). */
export async function newestEventId(sql: Pick<SqlDb, 'query'>, userId: string): Promise<number> {
  const [row] = await sql.query<{ id: string | null }>(
    'SELECT max(event_id)::text AS id FROM sync_events WHERE user_id = $1::uuid',
    [userId],
  );
  return row?.id ? Number(row.id) : 0;
}

/**
 * Reads a pull page from the read replica when it is configured and has caught up, else from
 * the primary, so that a replica's lag never shows to a device:
 *
 * - A page from the replica is always a gap-free prefix of what the primary would answer: ids
 *   of one store are drawn under its lock (sync/lock.ts), so they commit in id order, and the
 *   replica replays commits in the primary's WAL order. It can only end early.
 * - A page with `hasMore` is served as it is: the device pulls again at once.
 * - A last page (`hasMore: false`) says "you are up to date", so it must reach the store's
 *   newest event on the primary, read after the pull began: every event acknowledged by a push
 *   before the pull (read your writes) and every event a device was poked for is at or below
 *   it. If the replica is short of it, the pull waits for the replica (bounded by `waitMs`),
 *   then reads from the primary.
 * - A replica that fails (down, or a query cancelled by a recovery conflict) is skipped, the
 *   failure logged and counted (`storesync_replica_fallbacks_total{reason="error"}`).
 *
 * The primary answers one indexed `max()` per last page; the pages themselves, above all a new
 * device's thousands of events, come from the replica. The request's log line says which
 * (`pulledFrom`).
 */
export async function readPullPage<P extends PageEnd>(
  ctx: Pick<Context, 'db' | 'log'> & { config: Pick<Context['config'], 'replicaWaitMs'> },
  userId: string,
  read: (sql: SqlDb) => Promise<P>,
): Promise<P> {
  const { page, source } = await choose(ctx.db, userId, read, ctx.config.replicaWaitMs);
  if (ctx.db.sqlReplica) {
    ctx.log.pulledFrom = source;
    metrics.pullPages.inc({ source });
  }
  return page;
}

async function choose<P extends PageEnd>(
  db: Context['db'],
  userId: string,
  read: (sql: SqlDb) => Promise<P>,
  waitMs: number,
): Promise<{ page: P; source: PullSource }> {
  const replica = db.sqlReplica;
  if (!replica) return { page: await read(db.sql), source: 'primary' };
  try {
    let page = await read(replica);
    if (page.hasMore) return { page, source: 'replica' };
    const newest = await newestEventId(db.sql, userId);
    if (page.cursor >= newest) return { page, source: 'replica' };
    const deadline = Date.now() + ((behindUntil.get(replica) ?? 0) > Date.now() ? 0 : waitMs);
    while (Date.now() + STEP_MS <= deadline) {
      await new Promise((resolve) => setTimeout(resolve, STEP_MS));
      if ((await newestEventId(replica, userId)) < newest) continue;
      page = await read(replica);
      // Behind a load balancer, the next connection may reach a replica further behind.
      if (page.hasMore || page.cursor >= newest) return { page, source: 'replica' };
    }
    behindUntil.set(replica, Date.now() + BEHIND_MS);
    metrics.replicaFallbacks.inc({ reason: 'behind' });
  } catch (error) {
    // The primary answers below; the pool replaces a broken connection.
    metrics.replicaFallbacks.inc({ reason: 'error' });
    defaultLogger.warn({ err: error, userId }, 'replica read failed: the pull reads from the primary');
  }
  return { page: await read(db.sql), source: 'primary' };
}
