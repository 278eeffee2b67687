/**
 * A/B measurement of the push path: this tree's sync engine against a baseline
 * checkout, interleaved (ceiling, A, B, ceiling, B, A, …) in one process on one
 * database, so that a busy machine slows every side alike.
 *
 *   git worktree add --detach /tmp/push-base <commit>
 *   ln -s "$PWD/packages/api/node_modules" /tmp/push-base/packages/api/node_modules
 *   ln -s "$PWD/node_modules" /tmp/push-base/node_modules
 *   packages/bench/node_modules/.bin/tsx packages/bench/scripts/push-bench.ts
 *
 * Env: PUSH_BASE (baseline tree, default /tmp/push-base; `none` measures this tree alone),
 * PUSH_RUNS (rounds, default 7), PUSH_EVENTS (events per run, default 10000),
 * PUSH_MODES (comma list of inproc, http; default both), PUSH_BATCHES (default 500,50),
 * PUSH_FILL (rows to put in a store first, for the big-store ratio; default 0).
 *
 * Over HTTP means the tRPC fetch handler behind a bare node:http server, with
 * the answer gzipped at level 6 as Next.js does: everything of the real door
 * but Next's own routing.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import { createTestDatabase } from '@storesync/db/testing';
import { createCopyCeilings } from '../src/ceilings/pair.ts';
import { newCustomerEvents } from '../src/events.ts';
import { median } from '../src/stats.ts';

// This tree's api and a baseline checkout's, loaded side by side (hence a dynamic import of each).
type Api = typeof import('@storesync/api');

const BASE = process.env.PUSH_BASE ?? '/tmp/push-base';
const RUNS = Number(process.env.PUSH_RUNS ?? 7);
const EVENTS = Number(process.env.PUSH_EVENTS ?? 10_000);
const MODES = (process.env.PUSH_MODES ?? 'inproc,http').split(',');
const BATCHES = (process.env.PUSH_BATCHES ?? '500,50').split(',').map(Number);
const FILL = Number(process.env.PUSH_FILL ?? 0);
const GZIP_LEVEL = Number(process.env.PUSH_GZIP_LEVEL ?? 6);

const variants: { name: string; api: Api }[] = [{ name: 'new', api: await import('@storesync/api') }];
if (BASE !== 'none')
  variants.unshift({ name: 'base', api: (await import(`${BASE}/packages/api/src/index.ts`)) as Api });

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const spread = (xs: number[]) => `${fmt(Math.min(...xs))}–${fmt(Math.max(...xs))}`;

const t = await createTestDatabase({ poolSize: 4 });
const unlimited = { max: 100_000_000, windowSeconds: 60 };

/** A signed-in device of a fresh store, for each variant, in-process and over HTTP. */
interface Pusher {
  userId: string;
  deviceId: string;
  push(events: unknown[]): Promise<{ results: { status: string }[] }>;
}

const servers: { close(): void }[] = [];

async function serve(api: Api): Promise<string> {
  const config = api.defaultApiConfig({
    devLogin: true,
    limits: { perSession: unlimited, signInPerAddress: unlimited, signInPerAccount: unlimited },
  });
  const handler = api.createTrpcHandler({
    endpoint: '/api/trpc',
    getDb: async () => t.db,
    config,
    logger: api.createLogger({ level: 'silent' }),
  });
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v);
    const body = chunks.length ? Buffer.concat(chunks) : undefined;
    const out = await handler(
      new Request(`http://127.0.0.1${req.url}`, { method: req.method ?? 'GET', headers, body }),
    );
    let buf = Buffer.from(await out.arrayBuffer());
    const h: Record<string, string> = Object.fromEntries(out.headers);
    if (/gzip/.test(String(req.headers['accept-encoding'] ?? '')) && buf.length > 1024) {
      buf = gzipSync(buf, { level: GZIP_LEVEL });
      h['content-encoding'] = 'gzip';
    }
    h['content-length'] = String(buf.length);
    res.writeHead(out.status, h);
    res.end(buf);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as { port: number }).port}`;
}

const bases = new Map<string, string>();
let n = 0;
async function device(v: (typeof variants)[number], mode: string): Promise<Pusher> {
  n += 1;
  const email = `pb${n}-${randomUUID().slice(0, 8)}@example.com`;
  const deviceId = `pd${n}`;
  const config = v.api.defaultApiConfig({
    devLogin: true,
    limits: { perSession: unlimited, signInPerAddress: unlimited, signInPerAccount: unlimited },
  });
  const anon = v.api.createCaller(await v.api.createContext({ db: t.db, config, headers: new Headers() }));
  const { sessionToken, user } = await anon.auth.devSignIn({ email, deviceId });
  const userId = user.id;
  if (mode === 'inproc') {
    const api = v.api.createCaller(
      await v.api.createContext({
        db: t.db,
        config,
        headers: new Headers({ authorization: `Bearer ${sessionToken}` }),
      }),
    );
    return { userId, deviceId, push: (events) => api.sync.push({ deviceId, events }) };
  }
  let base = bases.get(v.name);
  if (!base) {
    base = await serve(v.api);
    bases.set(v.name, base);
  }
  const url = `${base}/api/trpc/sync.push`;
  return {
    userId,
    deviceId,
    async push(events) {
      const res = await fetch(url, {
        method: 'POST',
        headers: { authorization: `Bearer ${sessionToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ deviceId, events }),
      });
      const j = (await res.json()) as { result?: { data: { results: { status: string }[] } } };
      if (!j.result) throw new Error(`push failed: ${res.status} ${JSON.stringify(j).slice(0, 300)}`);
      return j.result.data;
    },
  };
}

// ---- The pair ceiling: the bench's (entity row + event row, two COPYs per transaction),
// into `store`'s own store or a fresh one, one batch per call.

async function pairWriter(store?: Pusher) {
  const owner = store ?? (await device(variants[variants.length - 1] as (typeof variants)[number], 'inproc'));
  // The bench's COPY ceilings take a row the store's device pushed as their template.
  await owner.push(newCustomerEvents(1, 'template'));
  const copy = await createCopyCeilings(t.url, owner.deviceId);
  return { close: copy.close, write: (batch: number) => copy.grow(batch, batch, Number.POSITIVE_INFINITY) };
}

// ---- Rounds: in each, every participant's batches alternate one by one (the ceiling
// writes one batch of 500 for each 500 events the others push), so that a busy machine
// slows them all alike; each round's rates are events over the participant's own time.

const timed = async (fn: () => Promise<unknown>) => {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
};

async function round(total: number, batch: number, pushers: Map<string, Pusher>) {
  const ceiling = await pairWriter();
  const ms = new Map<string, number>([['ceiling', 0]]);
  const keys = [...pushers.keys()];
  for (const k of keys) ms.set(k, 0);
  const steps = Math.ceil(total / batch);
  const per500 = Math.max(1, Math.round(500 / batch));
  try {
    for (let i = 0; i < steps; i++) {
      const order = i % 2 ? [...keys].reverse() : keys;
      if (i % per500 === 0)
        ms.set('ceiling', (ms.get('ceiling') ?? 0) + (await timed(() => ceiling.write(500))));
      for (const k of order) {
        const events = newCustomerEvents(batch, `s${i}`);
        const p = pushers.get(k) as Pusher;
        ms.set(
          k,
          (ms.get(k) ?? 0) +
            (await timed(async () => {
              const r = await p.push(events);
              const bad = r.results.find((x) => x.status !== 'applied');
              if (bad) throw new Error(`not applied: ${JSON.stringify(bad)}`);
            })),
        );
      }
    }
  } finally {
    await ceiling.close();
  }
  const rates: Record<string, number> = {
    ceiling: (Math.ceil(steps / per500) * 500) / ((ms.get('ceiling') as number) / 1000),
  };
  for (const k of keys) rates[k] = (steps * batch) / ((ms.get(k) as number) / 1000);
  return rates;
}

try {
  // With FILL, each variant and mode pushes into a store of FILL rows (filled once, by the
  // pair COPY) next to a fresh store, batch by batch: the ratio says what a big store costs.
  const filled = new Map<string, Pusher>();
  const bigStore = async (v: (typeof variants)[number], mode: string) => {
    const key = `${v.name}/${mode}`;
    let p = filled.get(key);
    if (!p) {
      p = await device(v, mode);
      const w = await pairWriter(p);
      const t0 = performance.now();
      for (let i = 0; i < FILL; i += 5000) await w.write(5000);
      await w.close();
      await t.db.sql.query('VACUUM ANALYZE customers');
      await t.db.sql.query('VACUUM ANALYZE sync_events');
      console.log(
        `filled ${key} with ${fmt(FILL)} rows in ${((performance.now() - t0) / 1000).toFixed(0)} s`,
      );
      filled.set(key, p);
    }
    return p;
  };
  const pushersFor = async () => {
    const m = new Map<string, Pusher>();
    for (const mode of MODES)
      for (const v of variants) {
        m.set(`${v.name} ${mode}`, await device(v, mode));
        if (FILL) m.set(`${v.name} ${mode} big`, await bigStore(v, mode));
      }
    return m;
  };
  // Warm-up: every path once.
  await round(1000, 100, await pushersFor());

  for (const batch of BATCHES) {
    const total = Math.min(EVENTS, batch * 100);
    const figures: Record<string, number[]> = {};
    for (let r = 0; r < RUNS; r++) {
      const rates = await round(total, batch, await pushersFor());
      for (const [k, v] of Object.entries(rates)) {
        figures[k] ??= [];
        figures[k].push(v);
      }
    }
    console.log(
      `\n## batch ${batch}, ${fmt(total)} events per run, ${RUNS} rounds${FILL ? `, store of ${fmt(FILL)}+` : ''}`,
    );
    const ceil = figures.ceiling ?? [];
    console.log(`pair ceiling: median ${fmt(median(ceil))}/s (${spread(ceil)})`);
    for (const [key, xs] of Object.entries(figures)) {
      if (key === 'ceiling') continue;
      const ratios = xs.map((x, i) => x / (ceil[i] as number));
      console.log(
        `${key.padEnd(12)} median ${fmt(median(xs))}/s (${spread(xs)}); ÷ ceiling ${median(ratios).toFixed(3)} (${Math.min(...ratios).toFixed(3)}–${Math.max(...ratios).toFixed(3)})`,
      );
    }
    for (const v of variants)
      for (const mode of MODES) {
        const small = figures[`${v.name} ${mode}`];
        const big = figures[`${v.name} ${mode} big`];
        if (!small || !big) continue;
        const ratios = big.map((x, i) => x / (small[i] as number));
        console.log(
          `${v.name} ${mode}, big store ÷ fresh store: median ${median(ratios).toFixed(3)} (${Math.min(...ratios).toFixed(3)}–${Math.max(...ratios).toFixed(3)})`,
        );
      }
    for (const mode of MODES) {
      const a = figures[`base ${mode}`];
      const b = figures[`new ${mode}`];
      if (!a || !b) continue;
      const ratios = b.map((x, i) => x / (a[i] as number));
      console.log(
        `new ÷ base, ${mode}: median ${median(ratios).toFixed(3)} (${Math.min(...ratios).toFixed(3)}–${Math.max(...ratios).toFixed(3)})`,
      );
    }
  }
} finally {
  for (const s of servers) s.close();
  await t.drop();
}
