import { createTestDatabase } from '@storesync/db/testing';
import { type Bench, log } from './context.ts';
import { liveTable } from './live-summary.ts';
import { livePhase } from './phases/live.ts';
import { renderBlock } from './report.ts';
import { startServer } from './server.ts';

/**
 * `BENCH_ONLY=live`: issue 13's scenarios alone (see phases/live.ts), on a
 * database of their own; the report is printed, docs/benchmarks.md left alone.
 */
const started = performance.now();
const t = await createTestDatabase({ poolSize: 20 });
// Dropped again if anything fails, the server's start included.
const server = await startServer(t.url).catch(async (e) => {
  await t.drop();
  throw e;
});
try {
  const b: Bench = {
    url: t.url,
    db: t.db,
    base: server.base,
    device: () => Promise.reject(new Error('BENCH_ONLY=live makes no bench devices')),
  };
  const r = await livePhase(b, server);
  const minutes = (performance.now() - started) / 60_000;
  console.log(
    renderBlock([liveTable(r)], [`issue 13's scenarios only; the run took ${minutes.toFixed(1)} min`]),
  );
  log('BENCH_ONLY=live: docs/benchmarks.md left as it was');
} finally {
  server.stop();
  await t.drop();
}
