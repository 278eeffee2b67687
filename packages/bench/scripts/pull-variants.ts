/**
 * Pull over HTTP against the pull page query's own rate, and a fresh device's
 * first sync, measured in interleaved rounds (A B A B …) against one or two
 * servers of the current build (`pnpm --filter @storesync/web build` first).
 * Each server variant is an environment: `VARIANTS='a:;b:X=1'` starts two
 * servers, `a` as is and `b` with X=1, and takes every figure on both in each
 * round (e.g. `VARIANTS='gz6:HTTP_GZIP_LEVEL=6;now:'`); ENTRY=next in a
 * variant runs `next start` instead of `server.mjs`, NODE_ARGS its Node flags. ROWS (100,000), RUNS (5),
 * LIMIT (1000) the page size of the pull figures and of the first sync, FIGURES (`query,http,sync`, `plain` for HTTP without gzip, `push500` and
 * `push50` for 10,000 new rows pushed over HTTP, with the pair ceiling as
 * `pair`) change the run; CLIENT_BASE (another checkout's root) runs each
 * first sync with that checkout's sync client too, for client A/B runs;
 * SYNC_LIMITS (e.g. `500,1000`) adds first syncs that pull pages of those sizes;
 * EXPLAIN_SLOW=1 has PostgreSQL log the plan of any statement over 1 s
 * (auto_explain, in its server log); PROFILE=1 starts the servers with `--cpu-prof` into
 * /tmp/pull-prof. Each round prints the gzip pull's time per page to the
 * answer's headers, for its body (transfer and gunzip) and for JSON.parse.
 * `pnpm --filter @storesync/bench bench:pull`
 */
import { get } from 'node:http';
import { createCaller, createContext, defaultApiConfig } from '@storesync/api';
import { createTestDatabase } from '@storesync/db/testing';
import type { PushEvent } from '@storesync/schema';
import pg from 'pg';
import { createCopyCeilings } from '../src/ceilings/pair.ts';
import { pullQueryRate } from '../src/ceilings/pull-query.ts';
import { httpDevice, inProcessDevice, type SyncApi } from '../src/clients.ts';
import { newCustomerEvents } from '../src/events.ts';
import { type ClientModules, firstSync as firstSyncOf } from '../src/scenarios/first-sync.ts';
import { pushNewRate } from '../src/scenarios/push.ts';
import { type BenchServer, startServer } from '../src/server.ts';

const ROWS = Number(process.env.ROWS ?? 100_000);
const RUNS = Number(process.env.RUNS ?? 5);
const FIGURES = (process.env.FIGURES ?? 'query,http,sync').split(',');
const LIMIT = Number(process.env.LIMIT ?? 1000);

const variants = (process.env.VARIANTS ?? 'now:').split(';').map((v) => {
  const [name = '', env = ''] = v.split(':');
  return {
    name,
    env: Object.fromEntries(
      env
        .split(',')
        .filter(Boolean)
        .map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]),
    ) as Record<string, string>,
  };
});

const config = defaultApiConfig({ devLogin: true });
// CLIENT_BASE: another checkout (e.g. a `git worktree` of the base commit) whose sync client also runs each first sync.
const CLIENT_BASE = process.env.CLIENT_BASE;
const baseClient: ClientModules | null = CLIENT_BASE
  ? {
      ...(await import(`${CLIENT_BASE}/packages/sync-client/src/index.ts`)),
      ...(await import(`${CLIENT_BASE}/packages/sync-client/src/storage/sqlite.ts`)),
    }
  : null;
const t = await createTestDatabase({ poolSize: 4 });
const servers: (BenchServer & { name: string })[] = [];
const closers: (() => Promise<void>)[] = [];
try {
  const email = 'reader@example.com';
  const anon = createCaller(await createContext({ db: t.db, config, headers: new Headers() }));
  const session = await anon.auth.devSignIn({ email, deviceId: 'filler' });
  const api = createCaller(
    await createContext({
      db: t.db,
      config,
      headers: new Headers({ authorization: `Bearer ${session.sessionToken}` }),
    }),
  );
  for (let done = 0; done < ROWS; done += 500) {
    const events = newCustomerEvents(500) as PushEvent[];
    await api.sync.push({ deviceId: 'filler', events });
  }
  const admin = new pg.Client({ connectionString: t.url });
  await admin.connect();
  await admin.query('VACUUM (ANALYZE)');
  if (process.env.EXPLAIN_SLOW) {
    const db = (await admin.query('SELECT current_database() d')).rows[0].d;
    await admin.query(`ALTER DATABASE ${db} SET session_preload_libraries = 'auto_explain'`);
    await admin.query(`ALTER DATABASE ${db} SET auto_explain.log_min_duration = '1s'`);
  }
  await admin.query('CHECKPOINT');
  await admin.end();
  const userId = session.user.id;

  const nodeArgs = process.env.PROFILE ? ['--cpu-prof', '--cpu-prof-dir=/tmp/pull-prof'] : [];
  for (const {
    name,
    env: { ENTRY, NODE_ARGS, ...env },
  } of variants)
    servers.push({
      name,
      ...(await startServer(t.url, {
        env,
        nodeArgs: [...nodeArgs, ...(NODE_ARGS ? NODE_ARGS.split(' ') : [])],
        entry: ENTRY === 'next' ? 'next' : 'server',
      })),
    });

  const queryRate = () => pullQueryRate(t.url, userId, LIMIT);

  const tokens = new Map<string, string>();
  const signIn = async (base: string, deviceId: string) => {
    const res = await fetch(`${base}/api/trpc/auth.devSignIn`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, deviceId }),
    });
    const body = (await res.json()) as { result: { data: { sessionToken: string; user: { id: string } } } };
    return body.result.data;
  };

  const phases = { headers: 0, body: 0, parse: 0, pages: 0 };
  /** Paging the whole log over HTTP as @trpc/client's httpLink does: fetch (gzip), then res.json(). */
  const httpRate = async (base: string, plain = false) => {
    let token = tokens.get(base);
    if (!token) {
      token = (await signIn(base, `reader-${base}`)).sessionToken;
      tokens.set(base, token);
    }
    let events = 0;
    let cursor = 0;
    const t0 = performance.now();
    for (;;) {
      const input = encodeURIComponent(JSON.stringify({ cursor, limit: LIMIT }));
      const t1 = performance.now();
      const res = await fetch(`${base}/api/trpc/sync.pull?input=${input}`, {
        headers: { authorization: `Bearer ${token}`, ...(plain && { 'accept-encoding': 'identity' }) },
      });
      const t2 = performance.now();
      const text = await res.text();
      const t3 = performance.now();
      if ((res.headers.get('content-encoding') === 'gzip') === plain) throw new Error('answer not as asked');
      const body = JSON.parse(text) as {
        result?: { data: { events: unknown[]; cursor: number; hasMore: boolean } };
      };
      if (!body.result) throw new Error(`pull failed: ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
      const page = body.result.data;
      if (!plain) {
        phases.headers += t2 - t1;
        phases.body += t3 - t2;
        phases.parse += performance.now() - t3;
        phases.pages += 1;
      }
      events += page.events.length;
      cursor = page.cursor;
      if (!page.hasMore) break;
    }
    if (events !== ROWS) throw new Error(`pulled ${events} events`);
    return events / ((performance.now() - t0) / 1000);
  };

  /** Seconds for a fresh device, the sync client on a SQLite file, to sign in and hold the whole book. */
  const firstSync = async (base: string, client?: ClientModules, limit = LIMIT) => {
    const { seconds, rows } = await firstSyncOf(base, email, limit, client);
    if (rows !== ROWS) throw new Error(`first sync holds ${rows} rows`);
    return seconds;
  };

  // The wire size of one full page from each server, as a phone receives it.
  for (const s of servers) {
    const token = (await signIn(s.base, `size-${s.base}`)).sessionToken;
    const input = encodeURIComponent(JSON.stringify({ cursor: 0, limit: LIMIT }));
    const bytes = await new Promise<number>((resolve, reject) => {
      get(
        `${s.base}/api/trpc/sync.pull?input=${input}`,
        { headers: { authorization: `Bearer ${token}`, 'accept-encoding': 'gzip' } },
        (res) => {
          let n = 0;
          res.on('data', (c: Buffer) => {
            n += c.length;
          });
          res.on('end', () => resolve(n));
        },
      ).on('error', reject);
    });
    console.log(`${s.name}: a page of ${LIMIT} events is ${(bytes / 1024).toFixed(1)} KiB on the wire`);
  }

  const pushers = new Map<string, SyncApi>();
  /** 10,000 new customers pushed over HTTP by the sync client's transport, `batch` a request. */
  const pushRate = async (base: string, batch: number) => {
    let api = pushers.get(base);
    if (!api) {
      api = await httpDevice(base, 'pusher@example.com', `pusher-${base}`);
      pushers.set(base, api);
    }
    return pushNewRate(api, 10_000, batch);
  };

  const figures: [string, () => Promise<number>][] = [];
  if (FIGURES.includes('query')) figures.push(['query events/s', queryRate]);
  if (FIGURES.includes('pair')) {
    // Its own store, so the reader's log keeps ROWS events.
    const template = await inProcessDevice(t.db, 'pair@example.com', 'pair-template');
    await template.push(newCustomerEvents(1));
    const copy = await createCopyCeilings(t.url, template.deviceId);
    closers.push(copy.close);
    figures.push(['pair events/s', () => copy.pairs(10_000, 500)]);
  }
  for (const s of servers) {
    if (FIGURES.includes('push500'))
      figures.push([`${s.name} push 500 events/s`, () => pushRate(s.base, 500)]);
    if (FIGURES.includes('push50')) figures.push([`${s.name} push 50 events/s`, () => pushRate(s.base, 50)]);
    if (FIGURES.includes('http')) figures.push([`${s.name} http gzip events/s`, () => httpRate(s.base)]);
    if (FIGURES.includes('plain'))
      figures.push([`${s.name} http plain events/s`, () => httpRate(s.base, true)]);
    if (FIGURES.includes('sync')) figures.push([`${s.name} first sync s`, () => firstSync(s.base)]);
    // SYNC_LIMITS='500,1000': first syncs with those page sizes too, for a page-size A/B.
    for (const limit of (process.env.SYNC_LIMITS ?? '').split(',').filter(Boolean).map(Number))
      figures.push([`${s.name} first sync, pages of ${limit} s`, () => firstSync(s.base, undefined, limit)]);
    if (FIGURES.includes('sync') && baseClient)
      figures.push([`${s.name} first sync, base client s`, () => firstSync(s.base, baseClient)]);
  }
  const runs = new Map<string, number[]>(figures.map(([k]) => [k, []]));
  for (let round = 0; round <= RUNS; round++) {
    const line: string[] = [];
    for (const [k, fn] of figures) {
      const v = await fn();
      if (round > 0) runs.get(k)?.push(v);
      line.push(`${k} ${v < 100 ? v.toFixed(2) : Math.round(v)}`);
    }
    const q = runs.get('query events/s');
    const p = runs.get('pair events/s');
    for (const s of servers) {
      const h = runs.get(`${s.name} http gzip events/s`);
      if (round > 0 && q && h) line.push(`${s.name} ratio ${((h.at(-1) ?? 0) / (q.at(-1) ?? 1)).toFixed(3)}`);
      for (const b of [500, 50]) {
        const x = runs.get(`${s.name} push ${b} events/s`);
        if (round > 0 && p && x)
          line.push(`${s.name} push ${b} ÷ pair ${((x.at(-1) ?? 0) / (p.at(-1) ?? 1)).toFixed(3)}`);
      }
    }
    console.log(`${round === 0 ? 'warm-up' : `round ${round}`}: ${line.join(' | ')}`);
    if (phases.pages > 0) {
      const ms = (x: number) => (x / phases.pages).toFixed(2);
      console.log(
        `  per page: to headers ${ms(phases.headers)} ms, body ${ms(phases.body)} ms, JSON.parse ${ms(phases.parse)} ms`,
      );
      Object.assign(phases, { headers: 0, body: 0, parse: 0, pages: 0 });
    }
  }
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
  const f = (v: number) => (v < 100 ? v.toFixed(2) : String(Math.round(v)));
  for (const [k, xs] of runs)
    console.log(`${k}: median ${f(med(xs))}, range ${f(Math.min(...xs))}–${f(Math.max(...xs))}`);
  const ratio = (label: string, xs: number[] | undefined, of: number[] | undefined) => {
    if (!xs || !of) return;
    const r = xs.map((x, i) => x / (of[i] ?? 1));
    console.log(
      `${label}: median ${med(r).toFixed(3)}, range ${Math.min(...r).toFixed(3)}–${Math.max(...r).toFixed(3)}`,
    );
  };
  for (const s of servers) {
    ratio(`${s.name} http ÷ query`, runs.get(`${s.name} http gzip events/s`), runs.get('query events/s'));
    for (const b of [500, 50])
      ratio(
        `${s.name} push ${b} ÷ pair`,
        runs.get(`${s.name} push ${b} events/s`),
        runs.get('pair events/s'),
      );
  }
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  for (const close of closers) await close();
  for (const s of servers) s.stop();
  await t.drop();
}
