/**
 * Where a push's CPU goes, by process: the server's, PostgreSQL's (every
 * backend of the cluster, from /proc) and this client's (the sync client's
 * transport, as the bench's HTTP pushes), per push of BATCH (50) new customers,
 * N (400) pushes back to back after 50 to warm up. One client's pushes run one
 * after another, so their CPU adds up to the wall time: it says what a faster
 * server could give at most. Keep the machine otherwise idle (PostgreSQL's
 * figure is the whole cluster's).
 * `pnpm --filter @storesync/web build`, then
 * `pnpm --filter @storesync/bench exec tsx scripts/push-cpu.ts`
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createTestDatabase } from '@storesync/db/testing';
import { httpDevice } from '../src/clients.ts';
import { newCustomerEvents } from '../src/events.ts';
import { startServer } from '../src/server.ts';

const BATCH = Number(process.env.BATCH ?? 50);
const N = Number(process.env.N ?? 400);
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
const pids = (comm: string) =>
  readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .filter((d) => {
      try {
        return readFileSync(`/proc/${d}/comm`, 'utf8').trim() === comm;
      } catch {
        return false;
      }
    })
    .map(Number);
const pgCpu = () => pids('postgres').reduce((sum, p) => sum + cpuOf(p), 0);

const t = await createTestDatabase({ poolSize: 4 });
// PROFILE=1: the server's CPU profile into /tmp/push-prof (--cpu-prof).
const server = await startServer(t.url, {
  nodeArgs: process.env.PROFILE ? ['--cpu-prof', '--cpu-prof-dir=/tmp/push-prof'] : [],
});
try {
  const device = await httpDevice(server.base, 'cpu@example.com', 'cpu-1');
  const batches = Array.from({ length: N }, () => newCustomerEvents(BATCH));
  for (let i = 0; i < 50; i++) await device.push(newCustomerEvents(BATCH));
  const before = { server: cpuOf(server.pid), pg: pgCpu(), client: process.cpuUsage(), at: performance.now() };
  for (const events of batches) await device.push(events);
  const wall = performance.now() - before.at;
  const client = process.cpuUsage(before.client);
  const per = (ms: number) => (ms / N).toFixed(2);
  console.log(`${N} pushes of ${BATCH}: ${per(wall)} ms wall a push`);
  console.log(`CPU a push: server ${per(cpuOf(server.pid) - before.server)} ms, PostgreSQL ${per(pgCpu() - before.pg)} ms, client ${per((client.user + client.system) / 1000)} ms`);
} finally {
  server.stop();
  await t.drop();
}
