import type { SyncApi } from '../clients.ts';

/** Events/s delivered to one client paging the whole log from cursor 0. */
export async function pullRate(api: SyncApi, limit: number): Promise<{ rate: number; events: number }> {
  let events = 0;
  const t0 = performance.now();
  let cursor = 0;
  for (;;) {
    const page = await api.pull({ cursor, limit });
    events += page.events.length;
    cursor = page.cursor;
    if (!page.hasMore) break;
  }
  return { rate: events / ((performance.now() - t0) / 1000), events };
}
