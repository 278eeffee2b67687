import type { Bench } from '../context.ts';
import { log } from '../context.ts';
import { type IdleResult, idleSubscriptions } from '../scenarios/idle-subscriptions.ts';
import { type LiveResult, liveScenario } from '../scenarios/live.ts';
import { type BenchServer, startServer } from '../server.ts';
import { settle } from '../settle.ts';

/** Sizes of issue 13's scenarios (BENCH_ONLY=live runs only these). */
export const liveConfig = {
  samples: Number(process.env.BENCH_LIVE_SAMPLES ?? 200),
  /** Samples before the load starts (the devices subscribed and quiet), for comparison. */
  quiet: Number(process.env.BENCH_LIVE_QUIET ?? 50),
  /** Stores of two devices in the background load: 25 make the 50 devices of the target. */
  stores: Number(process.env.BENCH_LIVE_STORES ?? 25),
  /** BENCH_LIVE_PULL=0: the background devices do not pull when poked (for comparison). */
  pull: process.env.BENCH_LIVE_PULL !== '0',
  idleStreams: Number(process.env.BENCH_IDLE_STREAMS ?? 1_000),
  /** Each window of the idle cost; the server pings each stream every 20 s. */
  idleSeconds: Number(process.env.BENCH_IDLE_SECONDS ?? 20),
  /** The idle streams ask for gzip (as phones and browsers do) unless BENCH_IDLE_GZIP=0. */
  idleGzip: process.env.BENCH_IDLE_GZIP !== '0',
};

export interface LivePhase {
  live: LiveResult;
  idle: IdleResult;
}

/**
 * Issue 13: a second app process on the benchmark's database next to
 * `server`; a change made through the first, visible on a device live on the
 * second, under the paced 50-device load; then the idle cost of open streams
 * on the second.
 */
export async function livePhase(b: Bench, server: BenchServer): Promise<LivePhase> {
  const second = await startServer(b.url);
  try {
    await settle(b.url);
    const live = await liveScenario([server, second], liveConfig, new URL(b.url).pathname.slice(1));
    log(
      `live: ${live.samples.length} samples; load p99 ${live.load.p99.toFixed(0)} ms, ${live.pokes} pokes, ${live.pulls} pulls`,
    );
    await settle(b.url);
    const idle = await idleSubscriptions(b.db, second.base, second.pid, {
      count: liveConfig.idleStreams,
      seconds: liveConfig.idleSeconds,
      gzip: liveConfig.idleGzip,
    });
    return { live, idle };
  } finally {
    second.stop();
  }
}
