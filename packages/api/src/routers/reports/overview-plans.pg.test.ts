import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Device, type Harness, iso, uuid } from '../../test/harness.ts';
import { widestOf } from '../../test/plans.ts';
import { overviewSql } from './overview.handler.ts';

// The overview of a store the statistics have not seen yet, while another store fills them:
// the planner takes the new store for empty. Its five top debtors used to be found by reading
// all of the store's customers once per balance (1.9 s for 3,000 customers, growing with the
// square), until autovacuum's next ANALYZE.
const CUSTOMERS = 1000;

const upsert = (entity: string, payload: Record<string, unknown>) => ({
  eventUuid: uuid(),
  entity,
  entityId: uuid(),
  op: 'upsert',
  payload,
  clientUpdatedAt: iso(Date.now()),
});

/** `CUSTOMERS` customers, each owing 500. */
async function fill(d: Device) {
  for (let done = 0; done < CUSTOMERS; done += 250) {
    const events = Array.from({ length: 250 }, (_, i) => {
      const c = upsert('customers', { name: `c${done + i}` });
      return [c, upsert('debts', { customerId: c.entityId, amount: 500 })];
    }).flat();
    await d.api.sync.push({ deviceId: d.deviceId, events });
  }
}

let h: Harness;
let newcomer: Device;
beforeAll(async () => {
  h = await createHarness('pg');
  await fill(await h.device('first@example.com'));
  for (const table of ['customers', 'debts', 'payments', 'sales']) {
    await h.t.db.$executeRawUnsafe(`ANALYZE ${table}`);
    await h.t.db.$executeRawUnsafe(`ALTER TABLE ${table} SET (autovacuum_enabled = false)`);
  }
  newcomer = await h.device('second@example.com');
  await fill(newcomer);
}, 120_000);
afterAll(() => h.t.drop());

describe('the overview’s plans in a store the statistics have not seen yet', () => {
  it('reads each customer about once, not the store per balance, and adds up right', async () => {
    const most = await widestOf(h, overviewSql(newcomer.userId, 'UTC'));
    // About the store's 1,000 customers and 1,000 debts, not 1,000 × 1,000.
    expect(most.rows, `${most.node} read ${most.rows} rows`).toBeLessThanOrEqual(3 * CUSTOMERS);
    const out = await newcomer.api.reports.overview({});
    expect(out).toMatchObject({ outstanding: 500 * CUSTOMERS, credit: 0, customersOwing: CUSTOMERS });
    expect(out.topDebtors.map((t) => t.owed)).toEqual(Array(5).fill(500));
  });
});
