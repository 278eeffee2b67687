import type { SqlDb, SqlRunner } from '@storesync/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Device, type Harness, iso, uuid } from '../test/harness.ts';
import { pullEvents } from './pull.ts';
import { readBatchState } from './read.ts';

const STORE_ROWS = 2000;

interface PlanNode {
  'Node Type': string;
  'Actual Rows': number;
  'Actual Loops': number;
  Plans?: PlanNode[];
}

/** The most rows any node of the plan produced in total, and where. */
const widest = (node: PlanNode): { rows: number; node: string } => {
  const here = { rows: node['Actual Rows'] * node['Actual Loops'], node: node['Node Type'] };
  return (node.Plans ?? []).map(widest).reduce((a, b) => (b.rows > a.rows ? b : a), here);
};

/** Runs each query for real, after running it once under EXPLAIN ANALYZE to record its plan. */
const explaining = (tx: SqlRunner, seen: { rows: number; node: string }[]): SqlRunner => ({
  exec: (sql) => tx.exec(sql),
  async query<T>(sql: string, params?: unknown[]) {
    if (/^\s*(SELECT|WITH)/i.test(sql) && !sql.includes('pg_advisory')) {
      const [explained] = await tx.query<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(
        `EXPLAIN (ANALYZE, FORMAT JSON) ${sql}`,
        params,
      );
      if (explained) seen.push(widest(explained['QUERY PLAN'][0].Plan));
    }
    return tx.query<T>(sql, params);
  },
});

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
      }),
    );
    expect(state.rows.customers.size).toBe(10);
    expect(seen).toHaveLength(1);
    expect(seen[0]?.rows).toBeLessThanOrEqual(20);
  });

  it('a pull page reads only its page, wherever the cursor is', async () => {
    const seen: { rows: number; node: string }[] = [];
    const sql: SqlDb = {
      ...h.t.db.sql,
      transaction: (fn) => h.t.db.sql.transaction((tx) => fn(explaining(tx, seen))),
    };
    const first = await pullEvents(sql, owner.userId, 0, 10);
    const middle = await pullEvents(sql, owner.userId, first.cursor + STORE_ROWS / 2, 10);
    expect(first.events).toHaveLength(10);
    expect(middle.events).toHaveLength(10);
    // A page of 10 (and the one row that says whether there is more) reads about as many.
    for (const s of seen) expect(s.rows).toBeLessThanOrEqual(20);
  });
});
