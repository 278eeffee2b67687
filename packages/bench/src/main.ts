import { mkdirSync, writeFileSync } from 'node:fs';
import { createTestDatabase } from '@storesync/db/testing';
import { ceilingRate } from './ceiling.ts';
import { batchSizeChart } from './chart.ts';
import { httpDevice, inProcessDevice, type SyncApi } from './clients.ts';
import { newCustomerEvents } from './events.ts';
import { firstSync } from './first-sync.ts';
import { type Row, writeReport } from './report.ts';
import {
  concurrentPush,
  fillStore,
  type LoadResult,
  pacedPush,
  pullRate,
  pushNewRate,
  pushUpdateRate,
} from './scenarios.ts';
import { startServer } from './server.ts';
import { settle } from './settle.ts';
import { median, repeat } from './stats.ts';

// Sizes can be shrunk for a quick look: BENCH_RUNS=1 BENCH_PULL_EVENTS=10000 BENCH_LOAD_SECONDS=5 pnpm bench
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const PUSH_EVENTS = Number(process.env.BENCH_PUSH_EVENTS ?? 10_000);
const PULL_EVENTS = Number(process.env.BENCH_PULL_EVENTS ?? 100_000);
const LOAD_SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 30);
const docs = new URL('../../../docs/', import.meta.url);

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const pct = (a: number, b: number) => `${Math.round((100 * a) / b)}%`;
const log = (s: string) => console.log(`[bench] ${s}`);
const loadValue = (l: LoadResult) =>
  `p50 ${fmt(l.p50)} ms, p99 ${fmt(l.p99)} ms, ${l.errors} errors / ${fmt(l.requests)} requests, ${fmt(l.eventsPerSec)} events/s`;

const t = await createTestDatabase({ poolSize: 20 });
const server = await startServer(t.url);
try {
  let n = 0;
  const device = async (http: boolean): Promise<SyncApi> => {
    n += 1;
    return http
      ? httpDevice(server.base, `bench${n}@example.com`, `d${n}`)
      : inProcessDevice(t.db, `bench${n}@example.com`, `d${n}`);
  };
  const measure = async (label: string, fn: () => Promise<number>) => {
    const runs = await repeat(RUNS, fn);
    log(`${label}: ${runs.map(fmt).join(', ')} → median ${fmt(median(runs))}`);
    return median(runs);
  };

  const ceiling = await measure('ceiling', () => ceilingRate(t.url, PUSH_EVENTS, 500));
  server.resetPeak();
  const inproc = await device(false);
  const http = await device(true);
  const pushNewIn = await measure('push new, in-process', () => pushNewRate(inproc, PUSH_EVENTS, 500));
  const pushNewHttp = await measure('push new, HTTP', () => pushNewRate(http, PUSH_EVENTS, 500));
  const pushUpdIn = await measure('push updates, in-process', () =>
    pushUpdateRate(inproc, PUSH_EVENTS / 2, 500),
  );
  const pushUpdHttp = await measure('push updates, HTTP', () => pushUpdateRate(http, PUSH_EVENTS / 2, 500));

  const series: { batch: number; rate: number }[] = [];
  for (const batch of [1, 10, 50, 100, 500]) {
    const api = await device(false);
    const total = batch === 1 ? 500 : Math.min(PUSH_EVENTS, batch * 100);
    series.push({ batch, rate: await measure(`push batch ${batch}`, () => pushNewRate(api, total, batch)) });
  }

  const reader = await device(false);
  const readerEmail = `bench${n}@example.com`;
  log(`filling a store with ${fmt(PULL_EVENTS)} events`);
  await fillStore(reader, PULL_EVENTS);
  await settle(t.url);
  const readerHttp = await httpDevice(server.base, readerEmail, 'reader-http');
  const readerPlain = await httpDevice(server.base, readerEmail, 'reader-plain', { compressed: false });
  const pullIn = await measure('pull, in-process', async () => (await pullRate(reader, 1000)).rate);
  const pullHttp = await measure('pull, HTTP', async () => (await pullRate(readerHttp, 1000)).rate);
  const pullPlain = await measure(
    'pull, HTTP uncompressed',
    async () => (await pullRate(readerPlain, 1000)).rate,
  );

  const syncs = await repeat(Math.min(RUNS, 2), () => firstSync(server.base, readerEmail, 1000));
  for (const s of syncs)
    if (s.rows !== PULL_EVENTS) throw new Error(`first sync holds ${s.rows} rows, not ${PULL_EVENTS}`);
  const firstSyncSeconds = median(syncs.map((s) => s.seconds));
  log(`first sync: ${syncs.map((s) => s.seconds.toFixed(2)).join(', ')} s`);

  const devices: SyncApi[] = [];
  for (let i = 0; i < 50; i++)
    devices.push(await httpDevice(server.base, `load${i % 25}@example.com`, `load-${i}`));
  // Each device's first push opens its store and a pooled connection: not part of the steady state.
  await Promise.all(devices.map((d) => d.push(newCustomerEvents(50, d.deviceId))));
  await settle(t.url);
  log(`50 devices pushing once a second for ${LOAD_SECONDS}s`);
  const paced = await pacedPush(devices, 50, LOAD_SECONDS, 1000);
  await settle(t.url);
  log(`50 devices pushing back to back for ${LOAD_SECONDS}s`);
  const load = await concurrentPush(devices, 50, LOAD_SECONDS);
  const peak = server.peakRss();

  const rows: Row[] = [
    {
      what: '1. Ceiling: multi-row INSERT of event rows (node-postgres, 500/statement)',
      value: `${fmt(ceiling)} rows/s`,
    },
    {
      what: '2. Push new rows, HTTP (batches of 500)',
      value: `${fmt(pushNewHttp)} events/s (${pct(pushNewHttp, ceiling)})`,
      target: '≥ 40% of (1)',
      verdict: pushNewHttp >= 0.4 * ceiling ? 'met' : 'missed',
    },
    {
      what: '2. Push new rows, in-process caller',
      value: `${fmt(pushNewIn)} events/s (${pct(pushNewIn, ceiling)})`,
      target: '≥ 40% of (1)',
      verdict: pushNewIn >= 0.4 * ceiling ? 'met' : 'missed',
    },
    {
      what: '3. Push field edits, HTTP',
      value: `${fmt(pushUpdHttp)} events/s (${pct(pushUpdHttp, ceiling)})`,
    },
    {
      what: '3. Push field edits, in-process',
      value: `${fmt(pushUpdIn)} events/s (${pct(pushUpdIn, ceiling)})`,
    },
    {
      what: `4. Pull ${fmt(PULL_EVENTS)} events from cursor 0, HTTP (limit 1000), gzip as phones ask`,
      value: `${fmt(pullHttp)} events/s`,
      target: '≥ 50,000/s',
      verdict: pullHttp >= 50_000 ? 'met' : 'missed',
    },
    {
      what: `4. The same pull over HTTP, uncompressed (\`accept-encoding: identity\`)`,
      value: `${fmt(pullPlain)} events/s`,
      target: '≥ 50,000/s',
      verdict: pullPlain >= 50_000 ? 'met' : 'missed',
    },
    { what: `4. Pull ${fmt(PULL_EVENTS)} events, in-process`, value: `${fmt(pullIn)} events/s` },
    {
      what: `5. First sync: a fresh device (sync client, SQLite) holding ${fmt(PULL_EVENTS)} rows`,
      value: `${firstSyncSeconds.toFixed(2)} s`,
      target: '< 5 s',
      verdict: firstSyncSeconds < 5 ? 'met' : 'missed',
    },
    {
      what: `6. 50 devices (25 stores), 50-event pushes over HTTP, back to back, ${LOAD_SECONDS} s`,
      value: loadValue(load),
      target: 'p99 < 100 ms, no errors',
      verdict: load.p99 < 100 && load.errors === 0 ? 'met' : 'missed',
    },
    {
      what: `6. The same 50 devices, each pushing 50 events once a second, ${LOAD_SECONDS} s`,
      value: loadValue(paced),
      target: 'p99 < 100 ms, no errors',
      verdict: paced.p99 < 100 && paced.errors === 0 ? 'met' : 'missed',
    },
    { what: '7. Server peak RSS during 2–6', value: `${fmt(peak / 2 ** 20)} MiB` },
    ...series.map((s) => ({
      what: `push, batch of ${s.batch} (in-process)`,
      value: `${fmt(s.rate)} events/s (${pct(s.rate, ceiling)})`,
    })),
  ];
  mkdirSync(docs, { recursive: true });
  writeFileSync(new URL('push-batch-size.svg', docs), batchSizeChart(series, ceiling));
  const block = writeReport(new URL('benchmarks.md', docs).pathname, rows, [
    `runs per figure: ${RUNS} (+1 warm-up); push: ${fmt(PUSH_EVENTS)} events per run; PostgreSQL at ${new URL(t.url).host}`,
    'chart: [push-batch-size.svg](push-batch-size.svg)',
  ]);
  console.log(block);
} finally {
  server.stop();
  await t.drop();
}
