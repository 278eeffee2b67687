import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import type { AppRouter } from '@storesync/api';
import {
  createSyncClient,
  createTrpcSyncApi,
  fetchEventSource,
  type SyncClient,
} from '@storesync/sync-client';
import { openSqliteStore } from '@storesync/sync-client/sqlite';
import { createTRPCClient, httpLink } from '@trpc/client';
import { EventSource } from 'eventsource';
import { log } from '../context.ts';
import { backendsCpu, cpuSeconds, machineCpu } from './idle-subscriptions.ts';
import type { LiveLoadInput, LiveLoadMessage } from './live-load.ts';
import type { LoadResult } from './load.ts';

/** One write on device A, seen on device B: times from the write, ms (one clock, this thread's). */
export interface VisibleSample {
  /** The local write on A (SQLite), done. */
  written: number;
  /** A's push acknowledged (A's `syncNow()` starts right after the write). */
  acked: number;
  /** B's stream delivered the poke (may come before A reads its push's answer). */
  poked: number;
  /** B's pull answered with it. */
  pulled: number;
  /** B's local book holds it (the pulled page committed; read back). */
  visible: number;
}

export interface LiveResult {
  samples: VisibleSample[];
  /** Samples taken before the load started, the background devices subscribed and quiet. */
  quiet: VisibleSample[];
  load: LoadResult;
  /** The background devices: subscribed, and pokes, pulls, pulled events, streams reopened. */
  devices: number;
  pokes: number;
  pulls: number;
  pulledEvents: number;
  reopened: number;
  /** This thread's event-loop delay while sampling, p99, ms: the probe's own share of its figures. */
  loopDelayP99: number;
  /**
   * CPU while sampling under the load, % of one core: each app process, the
   * database's PostgreSQL backends, this process (probe and load worker); the
   * whole machine's, % of all its cores (other work included).
   */
  cpu: { processes: number[]; postgres: number; bench: number; machine: number };
  /** Whether the background devices pulled when poked. */
  pull: boolean;
}

/** A device of `email`'s store on `base`, the sync client on a SQLite file, syncing only when told or poked. */
async function probeDevice(
  base: string,
  email: string,
  file: string,
  live: null | { onPoke(): void; onPullStart(): void; onPulled(): void },
  onAck: () => void,
): Promise<SyncClient> {
  const url = `${base}/api/trpc`;
  let token: string | null = null;
  const transport = createTrpcSyncApi({
    url,
    getToken: () => token,
    ...(live && { openEventSource: fetchEventSource(EventSource) }),
  });
  const liveOf = transport.live;
  const client = await createSyncClient({
    store: await openSqliteStore(file),
    // The transport, with the probe's clocks on its calls.
    api: {
      async push(input) {
        const r = await transport.push(input);
        onAck();
        return r;
      },
      async pull(input) {
        live?.onPullStart();
        const r = await transport.pull(input);
        live?.onPulled();
        return r;
      },
      ...(live &&
        liveOf && {
          live: (handlers) =>
            liveOf({
              ...handlers,
              onPoke(eventId) {
                live.onPoke();
                handlers.onPoke(eventId);
              },
            }),
        }),
    },
    intervalMs: 3_600_000,
    writeDelayMs: 3_600_000,
  });
  const anon = createTRPCClient<AppRouter>({ links: [httpLink({ url })] });
  const session = await anon.auth.devSignIn.mutate({ email, deviceId: client.deviceId });
  token = session.sessionToken;
  await client.signIn(session.user.id);
  return client;
}

const until = async (what: string, ok: () => boolean, ms = 15_000) => {
  const end = performance.now() + ms;
  while (!ok()) {
    if (performance.now() > end) throw new Error(`live scenario: timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
};

/**
 * Change visible on another device: device A (through app process 1) writes a
 * customer and syncs at once; device B (subscribed on app process 2, same
 * store) is poked and pulls; the sample ends when B's book holds the row.
 * Meanwhile `stores` other stores of two devices (one on each process, all
 * subscribed and pulling when poked) push 50 events a second each, paced
 * (scenarios/load.ts), from a worker thread. Up to `quiet` samples before the
 * load starts, then up to `samples` while it runs, back to back.
 */
export async function liveScenario(
  servers: [{ base: string; pid: number }, { base: string; pid: number }],
  { samples, quiet, stores, pull }: { samples: number; quiet: number; stores: number; pull: boolean },
  database: string,
): Promise<LiveResult> {
  const bases: [string, string] = [servers[0].base, servers[1].base];
  const dir = mkdtempSync(join(tmpdir(), 'storesync-live-'));
  const marks = { ack: 0, poke: 0, pullStart: 0, pulled: 0 };
  const a = await probeDevice(bases[0], 'live-probe@example.com', join(dir, 'a.db'), null, () => {
    marks.ack = performance.now();
  });
  const b = await probeDevice(
    bases[1],
    'live-probe@example.com',
    join(dir, 'b.db'),
    {
      onPoke: () => {
        marks.poke ||= performance.now();
      },
      onPullStart: () => {
        marks.pullStart ||= performance.now();
      },
      onPulled: () => {
        if (marks.pullStart) marks.pulled = performance.now();
      },
    },
    () => {},
  );
  // B's book tells of each committed pulled page; the waiting sample reads its row back.
  let waiting: { id: string; resolve(at: number): void } | null = null;
  b.subscribe(['customers'], () => {
    const at = performance.now();
    const w = waiting;
    if (!w) return;
    void b.customers.get(w.id).then((row) => {
      if (row && waiting === w) {
        waiting = null;
        w.resolve(at);
      }
    });
  });
  const seconds = Math.ceil(samples / 10) + 10;
  const worker = new Worker(new URL('./live-load-worker.mjs', import.meta.url), {
    workerData: { bases, stores, seconds, pull } satisfies LiveLoadInput,
  });
  const messages: LiveLoadMessage[] = [];
  worker.on('message', (m: LiveLoadMessage) => messages.push(m));
  let failed: unknown = null;
  worker.on('error', (e) => {
    failed = e;
  });
  const out: VisibleSample[] = [];
  let cpu: LiveResult['cpu'] = {
    processes: [],
    postgres: Number.NaN,
    bench: Number.NaN,
    machine: Number.NaN,
  };
  const quietOut: VisibleSample[] = [];
  const loop = monitorEventLoopDelay({ resolution: 5 });
  try {
    await until('B to hold its stream', () => b.status.get().live === true);
    await b.syncNow();
    await until('the background devices to subscribe', () => failed !== null || messages.length > 0, 60_000);
    if (failed) throw failed;
    const ready = messages[0];
    log(`live: ${ready?.type === 'ready' ? ready.devices : '?'} devices subscribed across 2 app processes`);
    // One sample: A writes and syncs at once; ends when B's book holds the row.
    const sample = async (i: number): Promise<VisibleSample> => {
      Object.assign(marks, { ack: 0, poke: 0, pullStart: 0, pulled: 0 });
      const t0 = performance.now();
      const row = await a.customers.create({ name: `Probe ${i}`, phone: '0722000000' });
      const written = performance.now();
      let timer: ReturnType<typeof setTimeout> | undefined;
      const seen = new Promise<number>((resolve, reject) => {
        waiting = { id: row.id, resolve };
        timer = setTimeout(
          () => reject(new Error(`sample ${i}: B did not hold A's change within 10 s`)),
          10_000,
        );
      });
      await a.syncNow();
      const visible = await seen.finally(() => clearTimeout(timer));
      // A mark not set (e.g. no poke seen) is NaN, left out of its stage's figures.
      const since = (mark: number) => (mark ? mark - t0 : Number.NaN);
      return {
        written: written - t0,
        acked: since(marks.ack),
        poked: since(marks.poke),
        pulled: since(marks.pulled),
        visible: visible - t0,
      };
    };
    /** Samples, each 0–40 ms (at random) after the last, until `count` or `end`. */
    const sampling = async (count: number, end: number, into: VisibleSample[]) => {
      let due = performance.now();
      for (let i = 0; i < count && performance.now() < end; i++) {
        const wait = due - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        into.push(await sample(into.length));
        due = performance.now() + Math.random() * 40;
      }
    };
    // The same probe with the background devices subscribed and quiet: what the load adds.
    await sampling(quiet, Number.POSITIVE_INFINITY, quietOut);
    worker.postMessage('start');
    const loadEnd = performance.now() + seconds * 1000;
    // Let the load reach its pace.
    await new Promise((r) => setTimeout(r, 1_500));
    loop.enable();
    const read = async () => ({
      servers: await Promise.all(servers.map((x) => cpuSeconds(x.pid))),
      postgres: await backendsCpu(database),
      bench: process.cpuUsage(),
      machine: await machineCpu(),
    });
    const cpu0 = await read();
    const t0 = performance.now();
    await sampling(samples, loadEnd - 1_500, out);
    const cpu1 = await read();
    const span = (performance.now() - t0) / 1000;
    const pct = (seconds: number) => (seconds / span) * 100;
    let pg = 0;
    for (const [pid, x] of cpu1.postgres) pg += x - (cpu0.postgres.get(pid) ?? x);
    const bench = process.cpuUsage(cpu0.bench);
    cpu = {
      processes: cpu1.servers.map((x, k) => pct(x - (cpu0.servers[k] ?? x))),
      postgres: pct(pg),
      bench: pct((bench.user + bench.system) / 1e6),
      machine: pct(cpu1.machine - cpu0.machine) / cpus().length,
    };
    loop.disable();
    await until('the load to end', () => failed !== null || messages.length > 1, (seconds + 30) * 1000);
    if (failed) throw failed;
    const done = messages[1];
    if (done?.type !== 'done') throw new Error('live scenario: the load worker sent no result');
    return {
      samples: out,
      quiet: quietOut,
      load: done.load,
      devices: stores * 2,
      pokes: done.pokes,
      pulls: done.pulls,
      pulledEvents: done.pulledEvents,
      reopened: done.reopened,
      loopDelayP99: loop.percentile(99) / 1e6,
      cpu,
      pull,
    };
  } finally {
    await worker.terminate();
    await Promise.all([a.close(), b.close()]);
    rmSync(dir, { recursive: true, force: true });
  }
}
