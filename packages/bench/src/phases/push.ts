import { ceilingRate } from '../ceilings/insert.ts';
import { createCopyCeilings } from '../ceilings/pair.ts';
import { type Bench, config, logRound } from '../context.ts';
import { newCustomerEvents } from '../events.ts';
import type { Peer } from '../peer/pouch.ts';
import { pushNewRate, pushUpdateRate } from '../scenarios/push.ts';
import { interleave } from '../stats.ts';

/**
 * The push figures, each next to a run of its ceiling, round after round:
 * the three ceilings, then push over HTTP in batches of 500 right after a
 * run of the pair ceiling, and in batches of 50 right after another; then
 * in-process, field edits, the peer's push and the batch-size series.
 * Figures are events (or rows, or docs) per second.
 */
export async function pushPhase(b: Bench, peer: Peer | null) {
  const n = config.pushEvents;
  const template = await b.device(false);
  await template.push(newCustomerEvents(1));
  const copy = await createCopyCeilings(b.url, template.deviceId);
  const http500 = await b.device(true);
  const http50 = await b.device(true);
  const inProcess = await b.device(false);
  const editsHttp = await b.device(true);
  const editsIn = await b.device(false);
  const batchOf = async (batch: number) => {
    const device = await b.device(false);
    // As many events as a phone's outbox would send in 100 pushes (500 one by one).
    const total = batch === 1 ? 500 : Math.min(n, batch * 100);
    return () => pushNewRate(device, total, batch);
  };
  const series = {
    batch1: await batchOf(1),
    batch10: await batchOf(10),
    batch50: await batchOf(50),
    batch100: await batchOf(100),
  };
  try {
    return await interleave(
      config.runs,
      {
        insertCeiling: () => ceilingRate(b.url, n, 500),
        copyCeiling: () => copy.events(n, 500),
        pairCeiling: () => copy.pairs(n, 500),
        http500: () => pushNewRate(http500, n, 500),
        pairCeiling2: () => copy.pairs(n, 500),
        http50: () => pushNewRate(http50, n, 50),
        inProcess500: () => pushNewRate(inProcess, n, 500),
        editsHttp: () => pushUpdateRate(editsHttp, n / 2, 500),
        editsIn: () => pushUpdateRate(editsIn, n / 2, 500),
        peer: async () => (peer ? peer.pushRate(n) : Number.NaN),
        ...series,
      },
      { onRound: logRound('push') },
    );
  } finally {
    await copy.close();
  }
}
