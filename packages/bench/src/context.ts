import type { Db } from '@storesync/db';
import type { SyncApi } from './clients.ts';

/**
 * Sizes of a run, from the environment. A quick look:
 * BENCH_RUNS=1 BENCH_PULL_EVENTS=10000 BENCH_LOAD_SECONDS=5 BENCH_BIG_STORE=50000 BENCH_PEER=0 pnpm bench
 */
export const config = {
  /** Rounds kept per figure, after one warm-up round. */
  runs: Number(process.env.BENCH_RUNS ?? 5),
  pushEvents: Number(process.env.BENCH_PUSH_EVENTS ?? 10_000),
  pullEvents: Number(process.env.BENCH_PULL_EVENTS ?? 100_000),
  /** Length of each run of the 50-device load. */
  loadSeconds: Number(process.env.BENCH_LOAD_SECONDS ?? 20),
  /** Rows of the large store of the store-size scenario, and the time allowed to build it. */
  bigStore: Number(process.env.BENCH_BIG_STORE ?? 1_000_000),
  bigStoreSeconds: Number(process.env.BENCH_BIG_STORE_SECONDS ?? 120),
  /** The peer (PouchDB + express-pouchdb) side by side: 0 leaves it out. */
  peer: process.env.BENCH_PEER !== '0',
  /** Only a run of the full sizes rewrites docs/benchmarks.md. */
  full: !Object.keys(process.env).some((k) => k.startsWith('BENCH_')),
};

export const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const started = performance.now();
/** A line of progress, with the time since the benchmark started (m:ss). */
export const log = (s: string) => {
  const t = Math.round((performance.now() - started) / 1000);
  console.log(`[bench ${Math.floor(t / 60)}:${String(t % 60).padStart(2, '0')}] ${s}`);
};

/** Logs a round of `interleave` as it ends: `phase round 2: a 1,234, b 5,678`. */
export const logRound =
  (phase: string, digits = 0) =>
  (round: number, values: Record<string, number>) =>
    log(
      `${phase} round ${round === 0 ? 'warm-up' : round}: ${Object.entries(values)
        .map(([k, x]) => `${k} ${digits ? x.toFixed(digits) : fmt(x)}`)
        .join(', ')}`,
    );

/** A signed-in device and the store (account) it belongs to. */
export interface Device extends SyncApi {
  email: string;
}

/** What every phase of the benchmark gets. */
export interface Bench {
  /** The benchmark's database, which the server uses. */
  url: string;
  db: Db;
  /** The production server's address. */
  base: string;
  /**
   * A new device, in its own new store unless `email` names one: over HTTP
   * (gzip asked for unless `compressed` is false) or in-process.
   */
  device(http: boolean, options?: { email?: string; compressed?: boolean }): Promise<Device>;
}
