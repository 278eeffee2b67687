import type { SyncApi } from '../clients.ts';
import { newCustomerEvents } from '../events.ts';
import { percentile } from '../stats.ts';

export interface LoadResult {
  p50: number;
  p99: number;
  errors: number;
  requests: number;
  eventsPerSec: number;
}

/** Latencies and outcomes of a load scenario's pushes. */
function createTally() {
  const latencies: number[] = [];
  let errors = 0;
  let events = 0;
  const t0 = performance.now();
  return {
    t0,
    /** One push of `batch` new rows by `d`; its latency counts from `since`. */
    async push(d: SyncApi, batch: number, since: number) {
      const batchEvents = newCustomerEvents(batch, d.deviceId);
      try {
        const r = await d.push(batchEvents);
        latencies.push(performance.now() - since);
        if (r.results.some((x) => x.status !== 'applied')) errors += 1;
        else events += batch;
      } catch {
        errors += 1;
      }
    },
    result(): LoadResult {
      return {
        p50: percentile(latencies, 50),
        p99: percentile(latencies, 99),
        errors,
        requests: latencies.length + errors,
        eventsPerSec: events / ((performance.now() - t0) / 1000),
      };
    },
  };
}

/**
 * Devices pushing `batch`-event batches back to back, all at once, for
 * `seconds`: a closed loop, so latency is the queue the devices themselves
 * build (Little's law: in-flight events ÷ throughput).
 */
export async function concurrentPush(
  devices: SyncApi[],
  batch: number,
  seconds: number,
): Promise<LoadResult> {
  const tally = createTally();
  const until = tally.t0 + seconds * 1000;
  await Promise.all(
    devices.map(async (d) => {
      while (performance.now() < until) await tally.push(d, batch, performance.now());
    }),
  );
  return tally.result();
}

/**
 * Devices each pushing one `batch`-event batch every `intervalMs`, at
 * staggered times, for `seconds`: an offered load that does not depend on how
 * fast the server answers. Latency runs from when a push was due, so a push
 * held up behind a slow one counts its wait (no coordinated omission).
 */
export async function pacedPush(
  devices: SyncApi[],
  batch: number,
  seconds: number,
  intervalMs: number,
): Promise<LoadResult> {
  const tally = createTally();
  const until = tally.t0 + seconds * 1000;
  await Promise.all(
    devices.map(async (d, i) => {
      for (let due = tally.t0 + (intervalMs * i) / devices.length; due < until; due += intervalMs) {
        const wait = due - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        await tally.push(d, batch, due);
      }
    }),
  );
  return tally.result();
}
