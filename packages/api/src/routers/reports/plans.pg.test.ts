import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Device, type Harness, iso, uuid } from '../../test/harness.ts';
import { widestOf } from '../../test/plans.ts';
import { dailySql } from './daily.handler.ts';

// The daily report in a store with a long history, grown fast from empty so the planner's
// statistics still say its tables are empty (as in production until autovacuum's next
// ANALYZE): it must read the range's rows only, not group the store's whole history.
const OLD_ROWS = 1500;
const DAY = 86_400_000;

let h: Harness;
let owner: Device;

const upsert = (entity: string, payload: Record<string, unknown>, daysAgo: number) => ({
  eventUuid: uuid(),
  entity,
  entityId: uuid(),
  op: 'upsert',
  payload,
  clientUpdatedAt: iso(Date.now() - daysAgo * DAY),
});

beforeAll(async () => {
  h = await createHarness('pg');
  owner = await h.device('long-history@example.com');
  for (const table of ['debts', 'payments', 'sales', 'sync_events']) {
    await h.t.db.$executeRawUnsafe(`ANALYZE ${table}`);
    await h.t.db.$executeRawUnsafe(`ALTER TABLE ${table} SET (autovacuum_enabled = false)`);
  }
  const customer = upsert('customers', { name: 'Regular' }, 400);
  const customerId = customer.entityId;
  await owner.api.sync.push({ deviceId: owner.deviceId, events: [customer] });
  // A year of history: debts, repayments and sales, all before the report's 30 days.
  for (let done = 0; done < OLD_ROWS; done += 300) {
    const events = Array.from({ length: 100 }, (_, i) => [
      upsert('debts', { customerId, amount: 100 }, 40 + ((done + i) % 300)),
      upsert('payments', { customerId, amount: 50, paidAt: iso(Date.now() - (40 + i) * DAY) }, 40 + i),
      upsert(
        'sales',
        {
          items: [{ name: 'x', quantity: 1, unitPrice: 10 }],
          total: 10,
          paidAmount: 10,
          soldAt: iso(Date.now() - (40 + i) * DAY),
        },
        40 + i,
      ),
    ]).flat();
    await owner.api.sync.push({ deviceId: owner.deviceId, events });
  }
  await owner.api.sync.push({
    deviceId: owner.deviceId,
    events: [
      upsert('debts', { customerId, amount: 700 }, 2),
      upsert('debts', { customerId, amount: 300 }, 0),
    ],
  });
}, 120_000);
afterAll(() => h.t.drop());

describe('the daily report’s plan in a store with a long history', () => {
  it('reads only the last 30 days’ rows', async () => {
    const sql = dailySql(owner.userId, 'UTC', 30);
    const widest = await widestOf(h, sql);
    // 30 calendar days and the range's 2 debts: nothing near the 1,500 old rows of each kind.
    expect(widest.rows, `${widest.node} read ${widest.rows} rows`).toBeLessThanOrEqual(60);
    const [rows] = [await h.t.db.$queryRawUnsafe<{ debts: string }[]>(sql.text, ...sql.values)];
    expect(rows.reduce((sum, r) => sum + Number(r.debts), 0)).toBe(1_000);
  });
});
