import type { Db, SqlDb, SqlRunner } from '@storesync/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Device, type Harness, iso, upsertEvent, uuid } from '../test/harness.ts';
import { type PlanNode, widest } from '../test/plans.ts';
import { pullEvents, pullEventsJson } from './pull.ts';
import { applyPush } from './push.ts';
import { readBatchState } from './read.ts';

const STORE_ROWS = 2000;

/**
 * Runs each query for real, after running it once under EXPLAIN ANALYZE to
 * record its plan (in a savepoint rolled back, so a write is not made twice).
 */
const explaining = (tx: SqlRunner, seen: { rows: number; node: string }[]): SqlRunner => ({
  exec: (sql) => tx.exec(sql),
  async query<T>(sql: string, params?: unknown[]) {
    if (/^\s*(SELECT|WITH)/i.test(sql) && !sql.includes('pg_advisory')) {
      await tx.exec('SAVEPOINT explained');
      const [explained] = await tx.query<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(
        `EXPLAIN (ANALYZE, FORMAT JSON) ${sql}`,
        params,
      );
      await tx.exec('ROLLBACK TO SAVEPOINT explained');
      if (explained) seen.push(widest(explained['QUERY PLAN'][0].Plan));
    }
    return tx.query<T>(sql, params);
  },
});

/** `db` with every transaction's queries explained into `seen`. */
const explainingDb = (db: Db, seen: { rows: number; node: string }[]): Db => ({
  ...db,
  sql: { ...db.sql, transaction: (fn) => db.sql.transaction((tx) => fn(explaining(tx, seen))) },
});

const newCustomers = (n: number, from = 0) =>
  Array.from({ length: n }, (_, i) => upsertEvent('customers', uuid(), { name: `c${from + i}` }, Date.now()));

/** Pull pages at the start and the middle of `device`'s store, as objects and as HTTP's text, read about a page each. */
async function expectPagesReadOnlyThemselves(harness: Harness, device: Device) {
  const seen: { rows: number; node: string }[] = [];
  const sql: SqlDb = {
    ...harness.t.db.sql,
    transaction: (fn) => harness.t.db.sql.transaction((tx) => fn(explaining(tx, seen))),
  };
  const first = await pullEvents(sql, device.userId, 0, 10);
  const middle = await pullEvents(sql, device.userId, first.cursor + STORE_ROWS / 2, 10);
  expect(first.events).toHaveLength(10);
  expect(middle.events).toHaveLength(10);
  // The HTTP page too: the same events, printed by PostgreSQL.
  const printed = await pullEventsJson(sql, device.userId, first.cursor + STORE_ROWS / 2, 10);
  expect(JSON.parse(printed.json)).toEqual(middle);
  // A page of 10 (and the one row that says whether there is more) reads about as many.
  for (const s of seen) expect(s.rows).toBeLessThanOrEqual(20);
}

let h: Harness;
let owner: Device;
const ids: string[] = [];

// A store grown fast from empty: the planner's statistics still say its tables
// are empty, as they do in production until autovacuum's next ANALYZE.
beforeAll(async () => {
  h = await createHarness('pg');
  owner = await h.device('big@example.com');
  for (const table of ['customers', 'sync_events']) {
    await h.t.db.$executeRawUnsafe(`ANALYZE ${table}`);
    await h.t.db.$executeRawUnsafe(`ALTER TABLE ${table} SET (autovacuum_enabled = false)`);
  }
  for (let done = 0; done < STORE_ROWS; done += 500) {
    const events = Array.from({ length: 500 }, (_, i) => ({
      eventUuid: uuid(),
      entity: 'customers',
      entityId: uuid(),
      op: 'upsert',
      payload: { name: `c${done + i}` },
      clientUpdatedAt: iso(Date.now()),
    }));
    await owner.api.sync.push({ deviceId: owner.deviceId, events });
    ids.push(...events.map((e) => e.entityId));
  }
}, 60_000);
afterAll(() => h.t.drop());

describe('query plans in a large store with stale statistics', () => {
  it("a push's read touches only the batch's rows and events", async () => {
    const seen: { rows: number; node: string }[] = [];
    const some = ids.slice(100, 110);
    const state = await h.t.db.sql.transaction((tx) =>
      readBatchState(explaining(tx, seen), owner.userId, [uuid(), uuid()], {
        customers: some,
        debts: [],
        payments: [],
        sales: [],
        settings: [],
        links: [],
        reminders: [],
      }),
    );
    expect(state.rows.customers.size).toBe(10);
    expect(seen).toHaveLength(1);
    expect(seen[0]?.rows).toBeLessThanOrEqual(20);
  });

  it("a customer delete's balance reads only that customer's entries", async () => {
    const customers = ids.slice(0, 100);
    const items = [{ name: 'tea', quantity: 1, unitPrice: 50 }];
    for (let done = 0; done < 1000; done += 500) {
      const events = Array.from({ length: 500 }, (_, i) => {
        const customerId = customers[(done + i) % customers.length];
        return i % 2
          ? upsertEvent('debts', uuid(), { customerId, amount: 100 }, Date.now())
          : upsertEvent(
              'sales',
              uuid(),
              { customerId, items, total: 50, paidAmount: 50, soldAt: iso(Date.now()) },
              Date.now(),
            );
      });
      await owner.api.sync.push({ deviceId: owner.deviceId, events });
    }
    const seen: { rows: number; node: string }[] = [];
    const none = {
      customers: [],
      debts: [],
      payments: [],
      sales: [],
      settings: [],
      links: [],
      reminders: [],
    };
    const state = await h.t.db.sql.transaction((tx) =>
      readBatchState(explaining(tx, seen), owner.userId, [uuid()], none, {
        customerOf: { debts: [], payments: [], sales: [] },
        entriesOf: [customers[7] as string],
      }),
    );
    expect(state.rows.debts.size + state.rows.sales.size).toBe(10);
    // The customer's 10 entries, by the (user_id, customer_id) indexes: not the store's 1,000.
    expect(seen).toHaveLength(1);
    expect(seen[0]?.rows).toBeLessThanOrEqual(20);
  });

  it('a pull page reads only its page, wherever the cursor is', () =>
    expectPagesReadOnlyThemselves(h, owner));
});

// A store the statistics have never seen, while another store fills them: the
// planner believes the new store holds no row at all (it is not among the most
// common values, and there is no other), so any index on (user_id, …) looks as
// good as the unique one. Picking one used to scan the whole store per event.
describe('query plans in a store the statistics have not seen yet', () => {
  let g: Harness;
  let newcomer: Device;
  const held: string[] = [];
  beforeAll(async () => {
    g = await createHarness('pg');
    const other = await g.device('first@example.com');
    for (let done = 0; done < STORE_ROWS; done += 500)
      await other.api.sync.push({ deviceId: other.deviceId, events: newCustomers(500, done) });
    for (const table of ['customers', 'sync_events']) {
      await g.t.db.$executeRawUnsafe(`ANALYZE ${table}`);
      await g.t.db.$executeRawUnsafe(`ALTER TABLE ${table} SET (autovacuum_enabled = false)`);
    }
    newcomer = await g.device('second@example.com');
    for (let done = 0; done < STORE_ROWS; done += 500) {
      const events = newCustomers(500, done);
      await newcomer.api.sync.push({ deviceId: newcomer.deviceId, events });
      held.push(...events.map((e) => e.entityId));
    }
  }, 60_000);
  afterAll(() => g.t.drop());

  it("a push's read and write touch only the batch's rows and events", async () => {
    const seen: { rows: number; node: string }[] = [];
    const edits = held.slice(200, 450).map((entityId, i) => ({
      eventUuid: uuid(),
      entity: 'customers',
      entityId,
      op: 'upsert',
      payload: { name: `renamed ${i}` },
      clientUpdatedAt: iso(Date.now() + 1000),
    }));
    const out = await applyPush(
      explainingDb(g.t.db, seen),
      { userId: newcomer.userId, deviceId: newcomer.deviceId },
      [...edits, ...newCustomers(250)],
    );
    expect(out.results.map((r) => r.status)).toEqual(Array(500).fill('applied'));
    // The read and the write, each about the batch's 500 rows and events (not the store's 2,000 per event).
    expect(seen).toHaveLength(2);
    for (const s of seen) expect(s.rows).toBeLessThanOrEqual(1000);
  });

  it('a pull page reads only its page, wherever the cursor is', () =>
    expectPagesReadOnlyThemselves(g, newcomer));
});
