import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '@storesync/test-support/chromium';
import type { Browser } from 'playwright-core';
import { exportWebApp } from '../e2e/export-app.ts';
import { serveExport } from '../e2e/static-server.ts';
import { type SyncServer, startSyncServer } from '../e2e/sync-server.ts';
import { type BookSize, type SeededBook, seedBook } from './book.ts';
import { config } from './config.ts';
import { holdLock } from './file-lock.ts';
import { interactionRun, newPhoneRun } from './phone-runs.ts';
import { type BookRuns, byBook, renderBlock, targets, treeNow, writeBlock } from './report.ts';

/**
 * Issue 20's phone-scale scenario: the phone app's web export in Debian's Chromium against the
 * real server on PostgreSQL, with a shop's big book, a tiny one and a bigger one for scale.
 * Everything listens on 127.0.0.1, and Chromium resolves no other host.
 */
const started = performance.now();
const log = (s: string) => {
  const t = Math.round((performance.now() - started) / 1000);
  console.log(`[phone ${Math.floor(t / 60)}:${String(t % 60).padStart(2, '0')}] ${s}`);
};

const cleanups: (() => Promise<unknown> | unknown)[] = [];
const cleanUp = async () => {
  for (const f of cleanups.splice(0).reverse()) await Promise.resolve(f()).catch((e) => console.error(e));
};
const deadline = setTimeout(async () => {
  console.error(`phone bench: stopped after ${config.maxMinutes} min (PHONE_BENCH_MAX_MINUTES)`);
  await cleanUp();
  process.exit(1);
}, config.maxMinutes * 60_000);

async function main() {
  // Serving apps/web's build: no one may rebuild it meanwhile.
  cleanups.push(await holdLock('/tmp/web-build.lock'));
  const server: SyncServer = await startSyncServer({
    NODE_ENV: 'test',
    // Every round signs in two new phones per book, and seeding pushes back to back.
    RATE_LIMIT_PER_SESSION: '100000000',
    RATE_LIMIT_SIGN_INS_PER_ADDRESS: '100000000',
    RATE_LIMIT_SIGN_INS_PER_ACCOUNT: '100000000',
  });
  cleanups.push(() => server.stop());
  log(`server at ${server.url}; exporting the app`);
  const releaseExport = await holdLock('/tmp/mobile-export.lock');
  const tree = treeNow();
  const dir = (() => {
    try {
      return exportWebApp(server.url);
    } finally {
      releaseExport();
    }
  })();
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const app = await serveExport(dir);
  cleanups.push(() => app.close());

  const seed = async (label: string, size: BookSize) => {
    const t0 = performance.now();
    const book = await seedBook(server.url, `phone-bench-${label}@example.com`, size);
    log(
      `seeded ${label}: ${size.customers} customers, ${size.entries} entries in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
    return book;
  };
  const big = await seed('big', config.big);
  const tiny = await seed('tiny', config.tiny);
  const scale = config.scale && (await seed('scale', config.scale));

  // Only 127.0.0.1 exists for this browser.
  const browser: Browser = await launchChromium({
    args: ['--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
  });
  cleanups.push(() => browser.close());

  const runs = new Map<SeededBook, BookRuns>();
  const measure = async (label: string, book: SeededBook, round: number) => {
    const r = runs.get(book) ?? { size: book.size, newPhone: [], interaction: [] };
    runs.set(book, r);
    const a = await newPhoneRun(browser, app.url, book);
    r.newPhone.push(a);
    const b = await interactionRun(browser, app.url, book);
    r.interaction.push(b);
    log(
      `${label} round ${round}: up to date ${(a.syncMs / 1000).toFixed(2)} s (long tasks ${Math.round(a.longTaskTotalMs)} ms, longest ${Math.round(a.longestTaskMs)}), heap ${(a.heapBytes / 2 ** 20).toFixed(1)} MiB; sale ${Math.round(b.saleMs)} ms; search during sync [${b.searchDuringSyncMs.map(Math.round).join(', ')}] ms, after ${Math.round(b.searchAfterSyncMs)} ms`,
    );
  };
  // Interleaved, so the books see the same machine: big, tiny, big, tiny, …
  for (let round = 1; round <= config.runs; round++) {
    await measure('big', big, round);
    await measure('tiny', tiny, round);
  }
  // The scaling book may not finish at all: that is a finding, not a reason to lose the rounds above.
  let scaleFailure: string | null = null;
  if (scale)
    for (let round = 1; round <= config.scaleRuns && !scaleFailure; round++)
      await measure('scale', scale, round).catch((e: Error) => {
        scaleFailure = e.message.split('\n')[0] ?? 'failed';
        log(`scale round ${round}: ${scaleFailure}`);
      });

  const bigRuns = runs.get(big);
  const tinyRuns = runs.get(tiny);
  if (!bigRuns || !tinyRuns) throw new Error('no runs were made (PHONE_BENCH_RUNS=0?)');
  const all = [bigRuns, tinyRuns, ...(scale ? [runs.get(scale)] : [])].filter(
    (r): r is BookRuns => r !== undefined && r.interaction.length > 0,
  );
  const block = renderBlock(
    tree,
    [targets(bigRuns, tinyRuns), byBook(all)],
    [
      `${config.runs} rounds, each a big-book then a tiny-book run (no warm-up round: every run is a new phone); the scaling book ${config.scaleRuns}× after them`,
      'each run is two new phones (fresh browser contexts, empty storage) at 390×844: one only signs in and syncs (time, long tasks, heap), the other goes to Customers at once, searches while the book arrives and after, then records a sale',
      'times are in the page’s own clock: from the tap’s or key’s event timestamp to the first animation frame with the result visible; long tasks from a PerformanceObserver installed before the app loads; heap is the main thread’s `Runtime.getHeapUsage` after `HeapProfiler.collectGarbage` (expo-sqlite’s worker not included)',
      ...(scale && scaleFailure
        ? [
            `the ${scale.size.customers.toLocaleString('en-US')} / ${scale.size.entries.toLocaleString('en-US')} book: ${scaleFailure}`,
          ]
        : []),
      `the whole run took ${((performance.now() - started) / 60_000).toFixed(1)} min`,
    ],
  );
  console.log(block);
  if (!config.full) log('sizes were changed (PHONE_BENCH_*): docs/benchmarks.md left as it was');
  else if (!writeBlock(fileURLToPath(new URL('../../../docs/benchmarks.md', import.meta.url)), block))
    log('docs/benchmarks.md has no bench-phone markers: the block was only printed');
}

try {
  await main();
} finally {
  clearTimeout(deadline);
  await cleanUp();
}
