import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../test/harness.ts';
import { createWebStore, type WebStore } from '../test/web-store.ts';

let h: Harness;
let s: WebStore;
let customerId: string;
let debtId: string;

beforeAll(async () => {
  h = await createHarness('pg');
  s = await createWebStore(h, 'payments@example.com');
  customerId = (await s.web.customers.create({ name: 'Pays back' })).id;
  debtId = (await s.web.debts.create({ customerId, amount: 5_000 })).id;
});
afterAll(() => h.t.drop());

describe('paymentsRouter', () => {
  it('records a repayment as one sync event, dated now unless told, and lowers the balance', async () => {
    const before = Date.now();
    const { result, event } = await s.expectOneEvent(() =>
      s.web.payments.create({ customerId, debtId, amount: 2_000 }),
    );
    expect(Date.parse(String(result.paidAt))).toBeGreaterThanOrEqual(before - 1);
    expect(event).toMatchObject({ entity: 'payments', row: { amount: 2_000, debtId } });
    expect(await s.web.payments.get({ id: result.id })).toMatchObject({ amount: 2_000, debtId });
    expect((await s.web.customers.get({ id: customerId })).owed).toBe(3_000);
  });

  it('refuses a debt of another customer', async () => {
    const other = await s.web.customers.create({ name: 'Other' });
    await expect(s.web.payments.create({ customerId: other.id, debtId, amount: 10 })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'No such debt',
    });
  });

  it('updates, lists and deletes', async () => {
    const p = await s.web.payments.create({
      customerId,
      amount: 100,
      paidAt: '2026-01-02T03:04:05.000Z',
    });
    const { event } = await s.expectOneEvent(() =>
      s.web.payments.update({ id: p.id, amount: 150, note: 'cash' }),
    );
    expect(event.row).toMatchObject({ amount: 150, note: 'cash', paidAt: '2026-01-02T03:04:05.000Z' });
    const list = await s.web.payments.list({ customerId });
    expect(list.items.map((x) => x.amount)).toEqual([2_000, 150]);
    await s.expectOneEvent(() => s.web.payments.delete({ id: p.id }));
    expect((await s.web.payments.list({ customerId })).total).toBe(1);
    await expect(s.web.payments.update({ id: p.id, amount: 1 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
