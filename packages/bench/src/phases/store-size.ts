import { createCopyCeilings } from '../ceilings/pair.ts';
import { type Bench, config, type Device, fmt, log, logRound } from '../context.ts';
import { type NewId, newCustomerEvents, newId } from '../events.ts';
import { pushNewRate } from '../scenarios/push.ts';
import { settle } from '../settle.ts';
import { interleave } from '../stats.ts';

const SMALL = 10_000;

/**
 * Grows `device`'s store to `rows` customers with their events: the row and
 * event of one real push, copied under fresh ids by COPY, 10,000 pairs per
 * transaction, until `deadline`, every id made by `id`. Returns the rows the
 * store then holds.
 */
export async function grow(url: string, device: Device, rows: number, deadline: number, id: NewId = newId) {
  await device.push(newCustomerEvents(1, 'c', id));
  const copy = await createCopyCeilings(url, device.deviceId, id);
  try {
    return 1 + (await copy.grow(rows - 1, 10_000, deadline));
  } finally {
    await copy.close();
  }
}

/**
 * Push over HTTP, 500 per batch, into a store of 10,000 rows and into one of
 * `config.bigStore` (built by COPY within `config.bigStoreSeconds`), turn
 * about; each round's figure for a store is the mean of its two runs. Run
 * last: the large store's rows share the tables with every other store.
 */
export async function storeSizePhase(b: Bench) {
  const small = await b.device(true);
  const big = await b.device(true);
  await grow(b.url, small, SMALL, Number.POSITIVE_INFINITY);
  const t0 = performance.now();
  const bigRows = await grow(b.url, big, config.bigStore, t0 + config.bigStoreSeconds * 1000);
  const buildSeconds = (performance.now() - t0) / 1000;
  log(`built a store of ${fmt(bigRows)} rows in ${buildSeconds.toFixed(0)} s`);
  await settle(b.url);
  const n = config.pushEvents / 2;
  // A B B A: drift within a round (the machine, checkpoints) weighs on both stores alike.
  const r = await interleave(
    config.runs,
    {
      small: () => pushNewRate(small, n, 500),
      big: () => pushNewRate(big, n, 500),
      big2: () => pushNewRate(big, n, 500),
      small2: () => pushNewRate(small, n, 500),
    },
    { onRound: logRound('store size') },
  );
  const mean = (a: number[], b: number[]) => a.map((x, i) => (x + (b[i] ?? x)) / 2);
  return { small: mean(r.small, r.small2), big: mean(r.big, r.big2), bigRows, buildSeconds };
}
