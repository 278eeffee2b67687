import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../test/harness.ts';
import { createWebStore, type WebStore } from '../test/web-store.ts';

let h: Harness;
let s: WebStore;

beforeAll(async () => {
  h = await createHarness('pg');
  s = await createWebStore(h, 'sales@example.com');
});
afterAll(() => h.t.drop());

const items = [
  { name: 'Rice', quantity: 2, unitPrice: 450 },
  { name: 'Oil', quantity: 0.5, unitPrice: 541 },
];

describe('salesRouter', () => {
  it('creates a sale with its total computed from the items, as one sync event', async () => {
    const { result, event } = await s.expectOneEvent(() => s.web.sales.create({ items, paidAmount: 1_171 }));
    expect(result).toMatchObject({ total: 900 + 271, paidAmount: 1_171, customerId: null });
    expect(event).toMatchObject({ entity: 'sales', row: { total: 1_171, items } });
  });

  it('refuses paying more than the total, no items, and a customer of no store', async () => {
    await expect(s.web.sales.create({ items, paidAmount: 5_000 })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('paidAmount'),
    });
    await expect(s.web.sales.create({ items: [], paidAmount: 0 })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await expect(
      s.web.sales.create({ items, paidAmount: 0, customerId: crypto.randomUUID() }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'No such customer' });
  });

  it('lists by time range and customer with names, and gets one', async () => {
    const c = await s.web.customers.create({ name: 'Buyer' });
    const old = await s.web.sales.create({
      items,
      paidAmount: 0,
      customerId: c.id,
      soldAt: '2026-01-05T12:00:00.000Z',
    });
    const range = await s.web.sales.list({ from: '2026-01-05T00:00:00Z', to: '2026-01-06T00:00:00Z' });
    expect(range.items).toMatchObject([{ id: old.id, customerName: 'Buyer', total: 1_171 }]);
    expect((await s.web.sales.list({ customerId: c.id })).total).toBe(1);
    const newest = (await s.web.sales.list({})).items[0];
    expect(newest?.soldAt.localeCompare('2026-01-05')).toBe(1);
    expect(await s.web.sales.get({ id: old.id })).toMatchObject({ customerName: 'Buyer', paidAmount: 0 });
  });

  it('refuses a sale not paid in full without a customer, on create and on edit', async () => {
    await expect(s.web.sales.create({ items, paidAmount: 1_000 })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'customerId: A sale not paid in full needs a customer to owe the rest',
    });
    const paid = await s.web.sales.create({ items, paidAmount: 1_171 });
    await expect(s.web.sales.update({ id: paid.id, paidAmount: 1_000 })).rejects.toMatchObject({
      message: expect.stringContaining('customerId'),
    });
    // A note alone is not held to the rules.
    await expect(s.web.sales.update({ id: paid.id, note: 'ok' })).resolves.toMatchObject({ note: 'ok' });
  });

  it('recomputes the total when items change, and deletes', async () => {
    const buyer = await s.web.customers.create({ name: 'On credit' });
    const sale = await s.web.sales.create({ items, paidAmount: 0, customerId: buyer.id });
    const { event } = await s.expectOneEvent(() =>
      s.web.sales.update({ id: sale.id, items: [{ name: 'Salt', quantity: 1, unitPrice: 80 }] }),
    );
    expect(event.row).toMatchObject({ total: 80, items: [{ name: 'Salt' }] });
    await expect(s.web.sales.update({ id: sale.id, paidAmount: 81 })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await s.expectOneEvent(() => s.web.sales.delete({ id: sale.id }));
    await expect(s.web.sales.get({ id: sale.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
