import { createTestDatabase, type TestDb } from '@storesync/db/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { liveTable } from '../live-summary.ts';
import type { LivePhase } from '../phases/live.ts';
import { backendsCpu, cpuSeconds, machineCpu } from './idle-subscriptions.ts';
import type { VisibleSample } from './live.ts';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

/** Spins until this process has used `ms` of CPU time (not wall time: a loaded machine gives it less). */
const burn = (ms: number) => {
  const start = process.cpuUsage();
  for (;;) {
    const used = process.cpuUsage(start);
    if ((used.user + used.system) / 1000 >= ms) return;
  }
};

describe('the CPU readings of the live scenarios', () => {
  it("reads this process's CPU and the machine's from /proc", async () => {
    const [own, all] = [await cpuSeconds(process.pid), await machineCpu()];
    burn(300);
    expect(await cpuSeconds(process.pid)).toBeGreaterThan(own + 0.1);
    expect(await machineCpu()).toBeGreaterThan(all + 0.1);
  });

  it("reads the CPU of the database's own PostgreSQL backends, and no other database's", async () => {
    const database = new URL(t.url).pathname.slice(1);
    const client = new pg.Client({ connectionString: t.url });
    await client.connect();
    try {
      const { pid } = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0] ?? {};
      const before = await backendsCpu(database);
      expect(before.has(pid ?? 0)).toBe(true);
      await client.query('SELECT count(*) FROM generate_series(1, 5000000)');
      const after = await backendsCpu(database);
      expect((after.get(pid ?? 0) ?? 0) - (before.get(pid ?? 0) ?? 0)).toBeGreaterThan(0.05);
      expect((await backendsCpu(`${database}_none`)).size).toBe(0);
    } finally {
      await client.end();
    }
  });
});

describe('the live table', () => {
  const phase = (samples: VisibleSample[]): LivePhase => ({
    live: {
      samples,
      quiet: samples,
      load: { p50: 10, p99: 50, errors: 0, requests: 100, eventsPerSec: 2500 },
      devices: 50,
      pokes: 0,
      pulls: 0,
      pulledEvents: 0,
      reopened: 0,
      loopDelayP99: 1,
      cpu: { processes: [10, 10], postgres: 10, bench: 10, machine: 50 },
      pull: true,
    },
    idle: {
      streams: 1000,
      seconds: 20,
      before: { cpuPercent: 0, rss: 300 * 2 ** 20 },
      open: { cpuPercent: 1, rss: 400 * 2 ** 20 },
      pings: 1000,
      openSeconds: 1,
      encoding: 'gzip',
    },
  });
  const sample = (acked: number, visible: number): VisibleSample => ({
    written: 1,
    acked,
    poked: acked,
    pulled: visible - 1,
    visible,
  });
  const verdict = (samples: VisibleSample[]) => liveTable(phase(samples)).rows[0]?.[3];

  it('judges the target on the time from the write, the push included', () => {
    const fast = Array.from({ length: 100 }, () => sample(20, 60));
    expect(verdict(fast)).toBe('met');
    // Visible 60 ms after the ack, but 140 ms after the write: missed.
    const slowPush = Array.from({ length: 100 }, () => sample(80, 140));
    expect(verdict(slowPush)).toBe('missed');
    // Of 100 samples, the p99 (nearest rank) is the 99th: one slow sample is the max, two reach it.
    expect(verdict([...fast.slice(1), sample(20, 150)])).toBe('met');
    expect(verdict([...fast.slice(2), sample(20, 150), sample(20, 150)])).toBe('missed');
  });

  it('gives the idle cost a subscription', () => {
    const rows = liveTable(phase([sample(20, 60)])).rows;
    expect(rows.some((r) => r[1]?.includes('102.4 KiB a subscription'))).toBe(true);
    expect(rows.some((r) => r[1]?.includes('0.00100 % a subscription'))).toBe(true);
  });
});
