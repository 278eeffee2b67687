import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../test/harness.ts';
import { createWebStore, type WebStore } from '../test/web-store.ts';

let h: Harness;
let s: WebStore;
let customerId: string;

beforeAll(async () => {
  h = await createHarness('pg');
  s = await createWebStore(h, 'debts@example.com');
  customerId = (await s.web.customers.create({ name: 'Owes' })).id;
});
afterAll(() => h.t.drop());

describe('debtsRouter', () => {
  it('creates a debt as one sync event that a phone pulls', async () => {
    const { result, event } = await s.expectOneEvent(() =>
      s.web.debts.create({ customerId, amount: 2_500, dueDate: '2026-12-31', note: 'flour' }),
    );
    expect(result).toMatchObject({ customerId, amount: 2_500, dueDate: '2026-12-31', note: 'flour' });
    expect(event).toMatchObject({ entity: 'debts', entityId: result.id, row: { amount: 2_500 } });
    const got = await s.web.debts.get({ id: result.id });
    expect(got).toMatchObject({ amount: 2_500, dueDate: '2026-12-31' });
    // Recorded at the write's clock, which the server stamps just before the row's updatedAt.
    expect(got.recordedAt <= event.row.updatedAt).toBe(true);
    expect(Date.parse(event.row.updatedAt) - Date.parse(got.recordedAt)).toBeLessThan(5_000);
  });

  it('refuses an amount that is not a positive whole number of minor units', async () => {
    for (const amount of [0, -5, 1.5]) {
      await expect(s.web.debts.create({ customerId, amount })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    }
  });

  it('refuses a debt for a customer that does not exist or is deleted', async () => {
    await expect(s.web.debts.create({ customerId: crypto.randomUUID(), amount: 100 })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'No such customer',
    });
    const gone = await s.web.customers.create({ name: 'Gone' });
    await s.web.customers.delete({ id: gone.id });
    await expect(s.web.debts.create({ customerId: gone.id, amount: 100 })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('updates and deletes, each as one event, and lists by customer with pages', async () => {
    const d = await s.web.debts.create({ customerId, amount: 700 });
    const { event } = await s.expectOneEvent(() =>
      s.web.debts.update({ id: d.id, amount: 800, dueDate: null }),
    );
    expect(event.row).toMatchObject({ amount: 800, dueDate: null, rowVersion: 2 });
    const list = await s.web.debts.list({ customerId, limit: 1 });
    expect(list).toMatchObject({ total: 2, nextCursor: 1 });
    const { event: deleted } = await s.expectOneEvent(() => s.web.debts.delete({ id: d.id }));
    expect(deleted).toMatchObject({ op: 'delete', row: { deletedAt: expect.any(String) } });
    expect((await s.web.debts.list({ customerId })).total).toBe(1);
    await expect(s.web.debts.get({ id: d.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await s.web.customers.get({ id: customerId })).owed).toBe(2_500);
  });
});
