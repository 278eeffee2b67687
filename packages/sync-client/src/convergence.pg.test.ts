import { DEFAULT_RATE_LIMITS } from '@storesync/api';
import { balancesByCustomer, type EntityRow } from '@storesync/schema';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { OutboxItem } from './storage/types.ts';
import {
  expectedRows,
  type LoggedEntry,
  localRows,
  mergedView,
  type Rows,
  serverBook,
} from './test/convergence/oracle.ts';
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
const totals = {
  writes: 0,
  rejected: 0,
  syncs: 0,
  revived: 0,
  hasBalance: 0,
  compactions: 0,
  compacted: 0,
  joins: 0,
  snapshotPages: 0,
  resyncs: 0,
};

/** A change-log entry of the server's own: a customer brought back by an entry (docs/protocol.md, Ledger rules). */
const asRevivalItem = (e: LoggedEntry) =>
  ({
    entity: e.entity,
    entityId: e.entity_id,
    op: 'upsert',
    payload: { name: e.payload.name, phone: e.payload.phone, note: e.payload.note },
    clientUpdatedAt: e.at.toISOString(),
    deviceId: e.device_id,
    eventUuid: e.u,
  }) as unknown as OutboxItem;

/** Amounts the server holds under deleted customers: every view drops them, so there must be none. */
function hiddenAmounts(truth: Rows): string[] {
  const of = (entity: string) => [...truth].filter(([k]) => k.startsWith(`${entity}:`)).map(([, r]) => r);
  const ledger = { debts: of('debts'), payments: of('payments'), sales: of('sales') } as never;
  const deleted = new Set(
    of('customers')
      .filter((c: EntityRow) => c.deletedAt !== null)
      .map((c) => c.id),
  );
  return [...balancesByCustomer(ledger)]
    .filter(([id, b]) => deleted.has(id) && (b.owed > 0 || b.credit > 0))
    .map(([id, b]) => `${id}: owes ${b.owed}, credit ${b.credit}`);
}

beforeAll(async () => {
  // A run's new phones sign in to one store many times within a real minute (the plan's hours
  // pass in seconds): more than the default 10 a minute an account allows.
  server = await startTestServer({
    config: { limits: { ...DEFAULT_RATE_LIMITS, signInPerAccount: { max: 1_000, windowSeconds: 60 } } },
  });
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
    const truth = await serverBook(createTrpcSyncApi({ url: server.url, getToken: () => observer.token }));
    const items = await world.outboxes();

    // Every device holds exactly the server's rows, tombstones and server columns included.
    for (const d of world.devices)
      expect(Object.fromEntries(await localRows(d.store))).toEqual(Object.fromEntries(truth));
    // No outbox item is lost or left behind; rejected ones are exactly the doomed rows'.
    expect(items).toHaveLength(world.writes());
    expect(items.filter((i) => i.status === 'pending')).toEqual([]);
    const failed = items.filter((i) => i.status === 'error');
    // A customer delete may meet a balance another device recorded first: refused, as it must be.
    const hasBalance = failed.filter(
      (i) => i.entity === 'customers' && i.op === 'delete' && i.lastError?.startsWith('CUSTOMER_HAS_BALANCE'),
    );
    expect(failed.filter((i) => !world.doomed.has(i.entityId) && !hasBalance.includes(i))).toEqual([]);
    // Nothing accepted is invisible: no amount is held under a deleted customer.
    expect(hiddenAmounts(truth)).toEqual([]);
    expect([...truth.keys()].filter((k) => world.doomed.has(k.slice(k.indexOf(':') + 1)))).toEqual([]);
    // Each accepted item was applied at most once; nothing rejected was applied; the server's
    // own entries are revivals of customers.
    const logged = await world.everyLogged();
    // No uuid both in the log and among the compacted ones: each applied once, compacted or not.
    const [both] = await server.admin.db.sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM sync_events e JOIN compacted_events c
         ON c.user_id = e.user_id AND c.event_uuid = e.event_uuid WHERE e.user_id = $1::uuid`,
      [world.userId()],
    );
    expect(both?.n).toBe(0);
    const sent = items.filter((i) => i.status === 'sent');
    const sentUuids = new Set(sent.map((i) => i.eventUuid));
    const revivals = logged.filter((r) => !sentUuids.has(r.u));
    expect(revivals.filter((r) => r.entity !== 'customers' || r.op !== 'upsert')).toEqual([]);
    expect(new Set(logged.map((r) => r.u)).size).toBe(logged.length);
    // The server's rows are the LWW merge of exactly the items accepted and those revivals.
    const expected = expectedRows([...sent, ...revivals.map(asRevivalItem)]);
    expect(Object.fromEntries([...truth].map(([k, r]) => [k, mergedView(k, r)]))).toEqual(
      Object.fromEntries(expected),
    );

    totals.writes += world.writes();
    totals.rejected += failed.length;
    totals.revived += revivals.length;
    totals.hasBalance += hasBalance.length;
    totals.syncs += plan.steps.filter((s) => s.kind === 'sync').length;
    totals.compactions += world.compactions.runs;
    totals.compacted += world.compactions.removed;
    totals.joins += world.seen.joins;
    totals.snapshotPages += world.seen.snapshotPages;
    totals.resyncs += world.seen.resyncs;
  } finally {
    await world.close();
  }
}

describe('sync convergence (fast-check, real server on PostgreSQL)', () => {
  it(`converges: ${DEVICES} devices × ${STEPS} steps × ${RUNS} runs, with faults, restarts, compactions and new phones`, async () => {
    await fc.assert(fc.asyncProperty(planArbitrary(DEVICES, STEPS), check), {
      numRuns: RUNS,
      ...(SEED !== undefined && { seed: SEED }),
      ...(process.env.PROPERTY_PATH && { path: process.env.PROPERTY_PATH }),
      // Shrinking replays whole runs against the server: opt in when debugging.
      endOnFailure: process.env.PROPERTY_SHRINK !== '1',
    });
    console.info(
      `convergence: ${runs} runs, ${totals.writes} writes, ${totals.syncs} syncs, ${totals.rejected} rejected ` +
        `(${totals.hasBalance} customer deletes over a balance), ${totals.revived} customers revived, ` +
        `${totals.compactions} compactions removing ${totals.compacted} entries, ${totals.resyncs} pulls told to resync, ` +
        `${totals.joins} new phones, ${totals.snapshotPages} snapshot pages`,
    );
    expect(totals.rejected).toBeGreaterThan(0);
    // The runs reach both ledger rules, not only plain merges.
    expect(totals.revived).toBeGreaterThan(0);
    expect(totals.hasBalance).toBeGreaterThan(0);
    // And compaction: entries removed, devices behind it resynced (the books above still agree).
    expect(totals.compacted).toBeGreaterThan(0);
    expect(totals.resyncs).toBeGreaterThan(0);
    // New phones joined mid-run by snapshot, in pages small enough for faults to strike between.
    expect(totals.joins).toBeGreaterThan(0);
  }, 600_000);
});
