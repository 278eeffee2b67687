import type { SyncApi } from './clients.ts';
import { editEvents, newCustomerEvents } from './events.ts';
import { percentile, rate } from './stats.ts';

const assertApplied = (results: { status: string }[]) => {
  const bad = results.find((r) => r.status !== 'applied');
  if (bad) throw new Error(`push did not apply: ${JSON.stringify(bad)}`);
};

/** Events/s of pushing `total` new rows in batches of `batch`. */
export async function pushNewRate(api: SyncApi, total: number, batch: number): Promise<number> {
  const batches = Array.from({ length: Math.ceil(total / batch) }, () => newCustomerEvents(batch));
  return rate(total, async () => {
    for (const events of batches) assertApplied((await api.push(events)).results);
  });
}

/** Events/s of pushing field edits of `total` existing rows (the merge path). */
export async function pushUpdateRate(api: SyncApi, total: number, batch: number): Promise<number> {
  const ids: string[] = [];
  for (let done = 0; done < total; done += batch) {
    const r = await api.push(newCustomerEvents(batch));
    for (const x of r.results) if (x.row) ids.push(x.row.id);
  }
  const batches: string[][] = [];
  for (let i = 0; i < ids.length; i += batch) batches.push(ids.slice(i, i + batch));
  const edits = batches.map(editEvents);
  return rate(total, async () => {
    for (const events of edits) assertApplied((await api.push(events)).results);
  });
}

/** Fills a store's log to `total` events. */
export async function fillStore(api: SyncApi, total: number): Promise<void> {
  for (let done = 0; done < total; done += 500)
    assertApplied((await api.push(newCustomerEvents(500))).results);
}

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
