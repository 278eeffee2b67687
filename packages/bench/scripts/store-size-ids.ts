/**
 * What the kind of id does to pushing into a large store: the store-size
 * figure (500 per batch over HTTP, a store of BIG rows ÷ one of 10,000) with
 * random v4 ids, as clients made them before, and with UUIDv7, as the sync
 * client makes them now; each kind's stores are built by COPY with that kind
 * of id, and every round pushes into all four, turn about (A B B A for each
 * kind). BIG (1,000,000), RUNS (5), PUSH (5,000 events a run).
 * `pnpm --filter @storesync/web build`, then
 * `pnpm --filter @storesync/bench exec tsx scripts/store-size-ids.ts`
 */
import { randomUUID } from 'node:crypto';
import { createTestDatabase } from '@storesync/db/testing';
import { httpDevice } from '../src/clients.ts';
import { fmt, log, logRound } from '../src/context.ts';
import { type NewId, newId } from '../src/events.ts';
import { grow } from '../src/phases/store-size.ts';
import { pushNewRate } from '../src/scenarios/push.ts';
import { startServer } from '../src/server.ts';
import { settle } from '../src/settle.ts';
import { interleave, median, ratios, spread } from '../src/stats.ts';

const BIG = Number(process.env.BIG ?? 1_000_000);
const RUNS = Number(process.env.RUNS ?? 5);
const PUSH = Number(process.env.PUSH ?? 5_000);
const kinds: Record<'v4' | 'v7', NewId> = { v4: randomUUID, v7: newId };

const t = await createTestDatabase({ poolSize: 4 });
const server = await startServer(t.url);
try {
  const stores = {} as Record<
    string,
    { device: Awaited<ReturnType<typeof httpDevice>> & { email: string }; id: NewId }
  >;
  for (const [kind, id] of Object.entries(kinds)) {
    for (const [size, rows] of [
      ['small', 10_000],
      ['big', BIG],
    ] as const) {
      const email = `${kind}-${size}@example.com`;
      const device = { ...(await httpDevice(server.base, email, `${kind}-${size}`)), email };
      const t0 = performance.now();
      const held = await grow(t.url, device, rows, Number.POSITIVE_INFINITY, id);
      log(`${kind} ${size}: ${fmt(held)} rows in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
      stores[`${kind}-${size}`] = { device, id };
    }
  }
  await settle(t.url);
  const push = (key: string, id?: NewId) => () => {
    const s = stores[key];
    if (!s) throw new Error(key);
    return pushNewRate(s.device, PUSH, 500, id ?? s.id);
  };
  const r = await interleave(
    RUNS,
    {
      v4Small: push('v4-small'),
      v4Big: push('v4-big'),
      v7Big: push('v7-big'),
      v7Small: push('v7-small'),
      v7Small2: push('v7-small'),
      v7Big2: push('v7-big'),
      v4Big2: push('v4-big'),
      v4Small2: push('v4-small'),
      mixedBig: push('v4-big', kinds.v7),
    },
    { onRound: logRound('store size by id kind') },
  );
  const mean = (a: number[], b: number[]) => a.map((x, i) => (x + (b[i] ?? x)) / 2);
  const fig = {
    v4Small: mean(r.v4Small, r.v4Small2),
    v4Big: mean(r.v4Big, r.v4Big2),
    v7Small: mean(r.v7Small, r.v7Small2),
    v7Big: mean(r.v7Big, r.v7Big2),
  };
  const show = (name: string, xs: number[], digits = 2) => {
    const s = spread(xs);
    console.log(`${name}: ${s.median.toFixed(digits)} (${s.min.toFixed(digits)}–${s.max.toFixed(digits)})`);
  };
  for (const [k, xs] of Object.entries(fig)) console.log(`${k}: ${fmt(median(xs))} events/s`);
  show('v4 big ÷ small', ratios(fig.v4Big, fig.v4Small));
  show('v7 big ÷ small', ratios(fig.v7Big, fig.v7Small));
  show('big store, v7 ÷ v4', ratios(fig.v7Big, fig.v4Big));
  show('small store, v7 ÷ v4', ratios(fig.v7Small, fig.v4Small));
  console.log(`mixedBig: ${fmt(median(r.mixedBig))} events/s`);
  show('big store built with v4 ids, v7 pushes ÷ v4 pushes', ratios(r.mixedBig, fig.v4Big));
} finally {
  server.stop();
  await t.drop();
}
