import { type CompactOptions, compactStore, pauseAfter } from '@storesync/api';
import type { Db } from '@storesync/db';
import { serverLog } from './log';

/** How often a pass over every store starts. */
const EVERY_MS = 60 * 60_000;
const FIRST_AFTER_MS = 60_000;

/**
 * The change log's compaction in the background (sync/compact.ts in @storesync/api): an hour
 * after another, a pass over each store in batches of a thousand entries, one transaction
 * each, pausing three times as long as each took (pushes go first); one process at a time compacts (the others find the lock taken).
 * Returns the stop function.
 */
export function startCompaction(db: Db, options: CompactOptions): () => void {
  let stopped = false;
  let running = false;
  const pass = async () => {
    if (running || stopped) return;
    running = true;
    const started = performance.now();
    let removed = 0;
    try {
      const stores = await db.sql.query<{ id: string }>('SELECT id::text AS id FROM users ORDER BY id');
      for (const { id } of stores) {
        if (stopped) break;
        removed += await compactStore(db.sql, id, options, pauseAfter);
      }
      if (removed > 0)
        serverLog.info({ removed, ms: Math.round(performance.now() - started) }, 'change log compacted');
    } catch (error) {
      serverLog.warn({ err: error }, 'change log compaction failed; the next pass tries again');
    } finally {
      running = false;
    }
  };
  const first = setTimeout(pass, FIRST_AFTER_MS);
  const every = setInterval(pass, EVERY_MS);
  first.unref();
  every.unref();
  return () => {
    stopped = true;
    clearTimeout(first);
    clearInterval(every);
  };
}
