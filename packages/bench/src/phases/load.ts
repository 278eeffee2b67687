import type { Bench, Device } from '../context.ts';
import { config, log } from '../context.ts';
import { newCustomerEvents } from '../events.ts';
import { concurrentPush, type LoadResult, pacedPush } from '../scenarios/load.ts';
import { settle } from '../settle.ts';

/**
 * 50 devices in 25 stores pushing 50-event batches over HTTP: each once a
 * second (the target's scenario), in `min(runs, 3)` runs of
 * `config.loadSeconds`, with the database settled before each; then once
 * back to back (a closed loop, for throughput).
 */
export async function loadPhase(b: Bench): Promise<{ paced: LoadResult[]; backToBack: LoadResult }> {
  const devices: Device[] = [];
  for (let i = 0; i < 50; i++) devices.push(await b.device(true, { email: `load${i % 25}@example.com` }));
  // Each device's first push opens its store and a pooled connection: not part of the steady state.
  await Promise.all(devices.map((d) => d.push(newCustomerEvents(50, d.deviceId))));
  const paced: LoadResult[] = [];
  for (let run = 1; run <= Math.min(config.runs, 3); run++) {
    await settle(b.url);
    const r = await pacedPush(devices, 50, config.loadSeconds, 1000);
    log(`50 devices once a second, run ${run}: p50 ${r.p50.toFixed(0)} ms, p99 ${r.p99.toFixed(0)} ms`);
    paced.push(r);
  }
  await settle(b.url);
  const backToBack = await concurrentPush(devices, 50, config.loadSeconds);
  log(`50 devices back to back: p50 ${backToBack.p50.toFixed(0)} ms, p99 ${backToBack.p99.toFixed(0)} ms`);
  return { paced, backToBack };
}
