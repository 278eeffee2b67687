import { cutPage, PULL_PAGE_SQL } from '@storesync/api';
import pg from 'pg';

/**
 * Events/s of the pull page query on its own: the SQL of
 * packages/api/src/sync/pull.ts as the HTTP pull runs it (each event printed
 * as its JSON, `PULL_PAGE_SQL`, each page cut by `cutPage`; its transaction and planner setting kept
 * in step by hand) through one node-postgres connection, paging the store's
 * whole log `limit` events at a time. Pull over HTTP is judged against it.
 */
export async function pullQueryRate(url: string, userId: string, limit: number): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    let events = 0;
    let cursor = 0;
    const t0 = performance.now();
    for (;;) {
      await client.query('BEGIN');
      await client.query('SET LOCAL enable_bitmapscan = off');
      const { rows } = await client.query<{ id: string; event: string | null }>(PULL_PAGE_SQL, [
        userId,
        cursor,
        limit,
      ]);
      await client.query('COMMIT');
      const page = cutPage(rows, cursor, limit);
      events += page.events.length;
      cursor = page.cursor;
      if (!page.hasMore) break;
    }
    return events / ((performance.now() - t0) / 1000);
  } finally {
    await client.end();
  }
}
