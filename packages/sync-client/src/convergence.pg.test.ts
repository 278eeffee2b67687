import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { expectedRows, localRows, mergedView, outboxOf, serverRows } from './test/convergence/oracle.ts';
import { type Plan, planArbitrary } from './test/convergence/plan.ts';
import { T0 } from './test/convergence/values.ts';
import { createWorld } from './test/convergence/world.ts';
import { startTestServer, type TestServer } from './test/server.ts';
import { createTrpcSyncApi } from './transport.ts';

/**
 * Size, from the environment: CI runs the defaults; `PROPERTY_RUNS=200` digs
 * deeper. A failure prints its seed and path: rerun with `PROPERTY_SEED` and
 * `PROPERTY_PATH` to replay it exactly (ids, clocks and faults are all seeded).
 */
const RUNS = Number(process.env.PROPERTY_RUNS ?? 8);
const STEPS = Number(process.env.PROPERTY_STEPS ?? 300);
const DEVICES = Number(process.env.PROPERTY_DEVICES ?? 3);
const SEED = process.env.PROPERTY_SEED === undefined ? undefined : Number(process.env.PROPERTY_SEED);

let server: TestServer;
let runs = 0;
const totals = { writes: 0, rejected: 0, syncs: 0 };

beforeAll(async () => {
  server = await startTestServer();
  // Only Date is virtual: every device's wall clock and the server's share it, so runs replay exactly.
  vi.useFakeTimers({ toFake: ['Date'] });
}, 60_000);
afterAll(async () => {
  vi.useRealTimers();
  await server.stop();
});

async function check(plan: Plan) {
  vi.setSystemTime(T0);
  runs += 1;
  const email = `convergence-${plan.seed}-${runs}@example.com`;
  const world = await createWorld(server, plan, email);
  try {
    for (const step of plan.steps) await world.run(step);
    await world.quiesce();

    const observer = await server.signIn(email, 'observer');
    const truth = await serverRows(createTrpcSyncApi({ url: server.url, getToken: () => observer.token }));
    const outboxes = await Promise.all(world.devices.map((d) => outboxOf(d.store)));
    const items = outboxes.flat();

    // Every device holds exactly the server's rows, tombstones and server columns included.
    for (const d of world.devices)
      expect(Object.fromEntries(await localRows(d.store))).toEqual(Object.fromEntries(truth));
    // No outbox item is lost or left behind; rejected ones are exactly the doomed rows'.
    expect(items).toHaveLength(world.writes());
    expect(items.filter((i) => i.status === 'pending')).toEqual([]);
    const failed = items.filter((i) => i.status === 'error');
    expect(failed.filter((i) => !world.doomed.has(i.entityId))).toEqual([]);
    expect([...truth.keys()].filter((k) => world.doomed.has(k.slice(k.indexOf(':') + 1)))).toEqual([]);
    // The server's rows are the LWW merge of exactly the items accepted.
    const sent = items.filter((i) => i.status === 'sent');
    const expected = expectedRows(sent);
    expect(Object.fromEntries([...truth].map(([k, r]) => [k, mergedView(k, r)]))).toEqual(
      Object.fromEntries(expected),
    );
    // Each accepted item was applied at most once; nothing rejected was applied.
    const logged = await server.admin.db.$queryRawUnsafe<{ u: string }[]>(
      'SELECT event_uuid::text AS u FROM sync_events WHERE user_id = $1::uuid',
      world.userId(),
    );
    const sentUuids = new Set(sent.map((i) => i.eventUuid));
    expect(logged.filter((r) => !sentUuids.has(r.u))).toEqual([]);
    expect(new Set(logged.map((r) => r.u)).size).toBe(logged.length);

    totals.writes += world.writes();
    totals.rejected += failed.length;
    totals.syncs += plan.steps.filter((s) => s.kind === 'sync').length;
  } finally {
    await world.close();
  }
}

describe('sync convergence (fast-check, real server on PostgreSQL)', () => {
  it(`converges: ${DEVICES} devices × ${STEPS} steps × ${RUNS} runs, with faults and restarts`, async () => {
    await fc.assert(fc.asyncProperty(planArbitrary(DEVICES, STEPS), check), {
      numRuns: RUNS,
      ...(SEED !== undefined && { seed: SEED }),
      ...(process.env.PROPERTY_PATH && { path: process.env.PROPERTY_PATH }),
      // Shrinking replays whole runs against the server: opt in when debugging.
      endOnFailure: process.env.PROPERTY_SHRINK !== '1',
    });
    console.info(
      `convergence: ${runs} runs, ${totals.writes} writes, ${totals.syncs} syncs, ${totals.rejected} rejected`,
    );
    expect(totals.rejected).toBeGreaterThan(0);
  }, 600_000);
});
