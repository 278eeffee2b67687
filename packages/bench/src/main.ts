import { mkdirSync, writeFileSync } from 'node:fs';
import { createTestDatabase } from '@storesync/db/testing';
import { batchSizeChart } from './chart.ts';
import { httpDevice, inProcessDevice } from './clients.ts';
import { type Bench, config, fmt, log } from './context.ts';
import { liveTable } from './live-summary.ts';
import { startPeer } from './peer/pouch.ts';
import { firstSyncPhase } from './phases/first-sync.ts';
import { livePhase } from './phases/live.ts';
import { loadPhase } from './phases/load.ts';
import { fillReadStore, pullPhase } from './phases/pull.ts';
import { pushPhase } from './phases/push.ts';
import { storeSizePhase } from './phases/store-size.ts';
import { renderBlock, renderTable, type Table, writeReport } from './report.ts';
import { compactionScenario } from './scenarios/compaction.ts';
import { dashboardReads } from './scenarios/dashboard-reads.ts';
import { firstSyncBySize } from './scenarios/first-sync-size.ts';
import { historyWeight } from './scenarios/history.ts';
import { statementPage } from './scenarios/statement.ts';
import { tokenGuesses } from './scenarios/token-guesses.ts';
import { startServer } from './server.ts';
import { median } from './stats.ts';
import { figures, peer as peerTable, type Results, targets } from './summary.ts';

// BENCH_ONLY=live: only issue 13's scenarios (live-main.ts).
if (process.env.BENCH_ONLY === 'live') {
  await import('./live-main.ts');
  process.exit(0);
}
// BENCH_ONLY=statement: only issue 22's statement page (statement-main.ts).
if (process.env.BENCH_ONLY === 'statement') {
  await import('./statement-main.ts');
  process.exit(0);
}

const docs = new URL('../../../docs/', import.meta.url);
const report = (tables: Table[], notes: string[]) =>
  config.full
    ? writeReport(new URL('benchmarks.md', docs).pathname, tables, notes)
    : renderBlock(tables, notes);
const started = performance.now();
const t = await createTestDatabase({ poolSize: 20 });
// Dropped again if anything fails, the servers' start included.
// Behind one trusted proxy hop, as in production: the statement scenarios give each viewer and
// each guess an address of its own (X-Forwarded-For); the sync phases send none.
const server = await startServer(t.url, { env: { TRUSTED_PROXY_HOPS: '1' } }).catch(async (e) => {
  await t.drop();
  throw e;
});
const peer =
  config.peer &&
  process.env.BENCH_ONLY !== 'dashboard' &&
  !['history', 'first-sync', 'compaction'].includes(process.env.BENCH_ONLY ?? '')
    ? await startPeer().catch(async (e) => {
        server.stop();
        await t.drop();
        throw e;
      })
    : null;
try {
  let n = 0;
  const b: Bench = {
    url: t.url,
    db: t.db,
    base: server.base,
    async device(http, { email, compressed } = {}) {
      n += 1;
      const e = email ?? `bench${n}@example.com`;
      const api = http
        ? await httpDevice(server.base, e, `d${n}`, { compressed })
        : await inProcessDevice(t.db, e, `d${n}`);
      return { ...api, email: e };
    },
  };

  // BENCH_ONLY=dashboard: only issue 24 §6's dashboard reads on a new store, printed.
  if (process.env.BENCH_ONLY === 'dashboard') {
    console.log(renderTable(await dashboardReads(b)));
    process.exitCode = 0;
  } else if (process.env.BENCH_ONLY === 'compaction') {
    // BENCH_ONLY=compaction: only issue 25's compaction of a 1,000,000-entry store, printed.
    console.log(renderTable(await compactionScenario(b)));
  } else if (process.env.BENCH_ONLY === 'first-sync') {
    // BENCH_ONLY=first-sync: only issue 25's first sync of 100,000 and 1,000,000 customers, printed.
    console.log(renderTable(await firstSyncBySize(b)));
  } else if (process.env.BENCH_ONLY === 'history') {
    // BENCH_ONLY=history: only issue 25's first sync of an edited store against a new one, and compaction, printed.
    console.log(renderTable(await historyWeight(b)));
    console.log(renderTable(await compactionScenario(b)));
    console.log(renderTable(await firstSyncBySize(b)));
  } else {
    server.resetPeak();
    const push = await pushPhase(b, peer);
    const store = await fillReadStore(b);
    const pull = await pullPhase(b, store);
    const firstSync = await firstSyncPhase(b, store.writer, peer);
    const load = await loadPhase(b);
    const peakRss = server.peakRss();
    // Before the store-size phase's large store: a new shop's book read right after its push.
    const dashboard = await dashboardReads(b);
    // Issue 22: a customer's statement page, and token guesses beside the 50-device load.
    const statement = [await statementPage(b), await tokenGuesses(b)];
    // Issue 25: a store's history no longer weighs on a new device's first sync.
    const history = await historyWeight(b);
    const compaction = await compactionScenario(b);
    const bySize = await firstSyncBySize(b);
    const storeSize = await storeSizePhase(b);
    const results: Results = { push, pull, firstSync, load, storeSize, peer: peer !== null };

    const pairCeiling = median([...push.pairCeiling, ...push.pairCeiling2]);
    const series = [
      { batch: 1, rate: median(push.batch1) },
      { batch: 10, rate: median(push.batch10) },
      { batch: 50, rate: median(push.batch50) },
      { batch: 100, rate: median(push.batch100) },
      { batch: 500, rate: median(push.inProcess500) },
    ];
    // Issue 13: live pokes across two app processes, and the idle cost of open subscriptions.
    const live = await livePhase(b, server);
    const minutes = (performance.now() - started) / 60_000;
    const tables = [
      targets(results),
      figures(results),
      peerTable(results),
      liveTable(live),
      dashboard,
      ...statement,
      history,
      compaction,
      bySize,
    ].filter((x) => x !== null);
    if (config.full) {
      mkdirSync(docs, { recursive: true });
      writeFileSync(new URL('push-batch-size.svg', docs), batchSizeChart(series, pairCeiling));
    }
    const block = report(tables, [
      `${config.runs} runs per figure after a warm-up round (first sync and the 50 devices: ${Math.min(config.runs, 3)}), each round every figure once, next to its ceiling; ratios are taken run by run`,
      `push: ${fmt(config.pushEvents)} events per run; pull: a store of ${fmt(config.pullEvents)} events; the store-size scenario's large store was built by COPY in ${storeSize.buildSeconds.toFixed(0)} s`,
      `server peak RSS during push, pull, first sync and load: ${fmt(peakRss / 2 ** 20)} MiB; PostgreSQL at ${new URL(t.url).host}; the whole run took ${minutes.toFixed(1)} min (the web build not included)`,
      'chart: [push-batch-size.svg](push-batch-size.svg)',
    ]);
    console.log(block);
    if (!config.full) log('sizes were changed (BENCH_*): docs/benchmarks.md left as it was');
  }
} finally {
  await peer?.stop();
  server.stop();
  await t.drop();
}
