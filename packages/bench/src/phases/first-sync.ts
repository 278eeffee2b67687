import { PULL_LIMIT_MAX } from '@storesync/schema';
import { type Bench, config, type Device, fmt, log, logRound } from '../context.ts';
import type { Peer } from '../peer/pouch.ts';
import { firstSync } from '../scenarios/first-sync.ts';
import { interleave } from '../stats.ts';

/**
 * Seconds for a fresh device to hold the whole read store: the sync client on
 * SQLite against the server (pages of 5,000, its default), and a fresh PouchDB against express-pouchdb
 * holding as many customer docs, turn about. Each run is long (the peer's
 * take 15–25 s), so at most 3 runs, and one warm-up of the sync client only.
 */
export async function firstSyncPhase(b: Bench, writer: Device, peer: Peer | null) {
  const rows = config.pullEvents;
  if (peer) {
    log(`filling the peer's server with ${fmt(rows)} docs`);
    await peer.fill('book', rows);
  }
  const sync = async () => {
    const s = await firstSync(b.base, writer.email, PULL_LIMIT_MAX);
    if (s.rows !== rows) throw new Error(`first sync holds ${s.rows} rows, not ${rows}`);
    return s.seconds;
  };
  await sync();
  return interleave(
    Math.min(config.runs, 3),
    {
      storesync: sync,
      peer: async () => {
        if (!peer) return Number.NaN;
        const r = await peer.firstPull('book');
        if (r.docs !== rows) throw new Error(`the peer's first pull holds ${r.docs} docs, not ${rows}`);
        return r.seconds;
      },
    },
    { warmup: false, onRound: logRound('first sync (s)', 2) },
  );
}
