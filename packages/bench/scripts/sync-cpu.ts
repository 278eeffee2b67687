/**
 * Where a sync request's CPU goes, by process: the server's, this client's (the
 * sync client's transport, as the bench's HTTP figures use) and PostgreSQL's
 * (the rest of the machine's). One client's requests
 * run one after another, so their CPU adds up to the wall time: it says what a
 * faster server could give at most. Keep the machine otherwise idle:
 * PostgreSQL's figure is everything else the machine ran.
 * - push (default): N (400) pushes of BATCH (50) new customers, after 50 to warm up;
 * - MODE=pull: a store of EVENTS (20,000) paged from cursor 0, 1,000 events a
 *   page with gzip, ROUNDS (5) times after a warm-up, and the page query on its
 *   own (the ceiling of the pull figure) as often.
 * - MODE=sync: a fresh device's first sync of a store of EVENTS (100,000), the
 *   sync client on a SQLite file with its default page size (PAGE for another),
 *   ROUNDS times after a warm-up: the client's CPU is its pulls and its writes.
 * PROFILE=1 writes the server's CPU profile into /tmp/sync-prof.
 * `pnpm --filter @storesync/web build`, then
 * `pnpm --filter @storesync/bench exec tsx scripts/sync-cpu.ts`
 */
import { readFileSync } from 'node:fs';
import { createTestDatabase } from '@storesync/db/testing';
import { PULL_LIMIT_MAX } from '@storesync/schema';
import { pullQueryRate } from '../src/ceilings/pull-query.ts';
import { httpDevice } from '../src/clients.ts';
import { newCustomerEvents } from '../src/events.ts';
import { firstSync } from '../src/scenarios/first-sync.ts';
import { fillStore } from '../src/scenarios/push.ts';
import { startServer } from '../src/server.ts';

const MODE = process.env.MODE ?? 'push';
const BATCH = Number(process.env.BATCH ?? 50);
const N = Number(process.env.N ?? 400);
const EVENTS = Number(process.env.EVENTS ?? (MODE === 'sync' ? 100_000 : 20_000));
const ROUNDS = Number(process.env.ROUNDS ?? 5);
const PAGE = Number(process.env.PAGE ?? (MODE === 'sync' ? PULL_LIMIT_MAX : 1000));
const TICK = 100; // clock ticks a second (getconf CLK_TCK)

/** utime + stime of a process, in ms. */
function cpuOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(f[11]) + Number(f[12])) * 1000) / TICK;
  } catch {
    return 0;
  }
}
/**
 * CPU the whole machine spent (user, nice, system, irq, softirq; not steal), in
 * ms: PostgreSQL's share is this less the server's and the client's, since its
 * backends may come and go (a pool's idle timeout, the ceiling's own connection)
 * and take their CPU with them from /proc.
 */
function machineCpu(): number {
  const f = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '').trim().split(/\s+/).map(Number);
  const [, user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0] = f;
  return ((user + nice + system + irq + softirq) * 1000) / TICK;
}

/** Runs `fn` and prints wall time and CPU by process, per one of its `units`. */
async function account(label: string, units: number, serverPid: number, fn: () => Promise<unknown>) {
  const before = {
    server: cpuOf(serverPid),
    all: machineCpu(),
    client: process.cpuUsage(),
    at: performance.now(),
  };
  await fn();
  const wall = performance.now() - before.at;
  const c = process.cpuUsage(before.client);
  const client = (c.user + c.system) / 1000;
  const serverMs = cpuOf(serverPid) - before.server;
  const pg = machineCpu() - before.all - serverMs - client;
  const per = (ms: number) => (ms / units).toFixed(2);
  console.log(
    `${label}: ${per(wall)} ms wall; CPU server ${per(serverMs)} ms, PostgreSQL (the rest of the machine) ${per(pg)} ms, client ${per(client)} ms`,
  );
}

const t = await createTestDatabase({ poolSize: 4 });
const server = await startServer(t.url, {
  nodeArgs: process.env.PROFILE ? ['--cpu-prof', '--cpu-prof-dir=/tmp/sync-prof'] : [],
});
try {
  const device = await httpDevice(server.base, 'cpu@example.com', 'cpu-1');
  if (MODE === 'pull') {
    await fillStore(device, EVENTS);
    const [session] = await t.db.sql.query<{ user_id: string }>(
      'SELECT user_id::text FROM sessions WHERE device_id = $1',
      [device.deviceId],
    );
    const userId = session?.user_id ?? '';
    const pullAll = async () => {
      for (let cursor = 0, more = true; more; ) {
        const page = await device.pull({ cursor, limit: PAGE });
        cursor = page.cursor;
        more = page.hasMore;
      }
    };
    const pages = Math.ceil(EVENTS / PAGE);
    await pullAll();
    await pullQueryRate(t.url, userId, PAGE);
    for (let round = 1; round <= ROUNDS; round++) {
      await account(`pull over HTTP, gzip, a page of ${PAGE}`, pages, server.pid, pullAll);
      await account(`the page query on its own, a page of ${PAGE}`, pages, server.pid, () =>
        pullQueryRate(t.url, userId, PAGE),
      );
    }
  } else if (MODE === 'sync') {
    await fillStore(device, EVENTS);
    await firstSync(server.base, 'cpu@example.com', PAGE);
    for (let round = 1; round <= ROUNDS; round++) {
      // Accounted from sign-in until the book holds the store, as the bench times it; not the read-back.
      let stop: () => void = () => undefined;
      const synced = new Promise<void>((resolve) => {
        stop = resolve;
      });
      let rows = 0;
      const label = `first sync of ${EVENTS} rows, pages of ${PAGE}, per 1,000 rows`;
      const read = firstSync(server.base, 'cpu@example.com', PAGE, undefined, () => stop()).then((r) => {
        rows = r.rows;
      });
      await account(label, EVENTS / 1000, server.pid, () => synced);
      await read;
      if (rows !== EVENTS) throw new Error(`first sync holds ${rows} rows`);
    }
  } else {
    const batches = Array.from({ length: N }, () => newCustomerEvents(BATCH));
    for (let i = 0; i < 50; i++) await device.push(newCustomerEvents(BATCH));
    await account(`${N} pushes of ${BATCH}, a push`, N, server.pid, async () => {
      for (const events of batches) await device.push(events);
    });
  }
} finally {
  server.stop();
  await t.drop();
}
