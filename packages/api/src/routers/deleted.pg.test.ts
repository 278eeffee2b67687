import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../test/harness.ts';
import { createWebStore, type WebStore } from '../test/web-store.ts';
import { netsSql } from './deleted-list.ts';

let h: Harness;
let a: WebStore;
let b: WebStore;

beforeAll(async () => {
  h = await createHarness('pg');
  [a, b] = await Promise.all([
    createWebStore(h, 'deleted-a@example.com'),
    createWebStore(h, 'deleted-b@example.com'),
  ]);
});
afterAll(() => h.t.drop());

const ids = async (s: WebStore) => (await s.web.deleted.list()).map((r) => `${r.entity}:${r.id}`);

describe('deletedRouter', () => {
  it('lists the store’s own deleted rows, newest deletion first, and never another store’s', async () => {
    const mine = await a.web.customers.create({ name: 'Gone A' });
    const debt = await a.web.debts.create({ customerId: mine.id, amount: 700, note: 'Rice' });
    await a.web.debts.delete({ id: debt.id });
    await a.web.customers.delete({ id: mine.id });
    const theirs = await b.web.customers.create({ name: 'Gone B' });
    await b.web.customers.delete({ id: theirs.id });

    const listA = await a.web.deleted.list();
    expect(listA.map((r) => [r.entity, r.id])).toEqual([
      ['customers', mine.id],
      ['debts', debt.id],
    ]);
    expect(listA[1]).toMatchObject({
      customerName: 'Gone A',
      customerDeleted: true,
      amount: 700,
      detail: 'Rice',
    });
    expect(await ids(b)).toEqual([`customers:${theirs.id}`]);
    // Another store's id answers as an unknown one does.
    const unknown = randomUUID();
    await expect(a.web.deleted.restore({ entity: 'customers', id: theirs.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'No such customer',
    });
    await expect(a.web.deleted.restore({ entity: 'customers', id: unknown })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'No such customer',
    });
    expect(await ids(b)).toEqual([`customers:${theirs.id}`]);
  });

  it('restores a row with one upsert a phone pulls, after which it is live again', async () => {
    const c = await a.web.customers.create({ name: 'Back Again', phone: '0700 111' });
    const sale = await a.web.sales.create({
      customerId: c.id,
      items: [{ name: 'Tea', quantity: 2, unitPrice: 150 }],
      paidAmount: 100,
    });
    await a.web.sales.delete({ id: sale.id });
    expect(await a.web.customers.get({ id: c.id })).toMatchObject({ owed: 0 });

    const { result, event } = await a.expectOneEvent(() =>
      a.web.deleted.restore({ entity: 'sales', id: sale.id }),
    );
    expect(result).toMatchObject({ id: sale.id, deletedAt: null, total: 300, paidAmount: 100 });
    expect(event).toMatchObject({ entity: 'sales', entityId: sale.id, op: 'upsert' });
    expect(event.row).toMatchObject({ deletedAt: null, items: sale.items, customerId: c.id });
    expect(await a.web.customers.get({ id: c.id })).toMatchObject({ owed: 200 });
    expect(await ids(a)).not.toContain(`sales:${sale.id}`);
    // A live row is not "deleted": restoring it again is not found.
    await expect(a.web.deleted.restore({ entity: 'sales', id: sale.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('restoring an entry of a deleted customer brings the customer back too', async () => {
    const c = await a.web.customers.create({ name: 'Whole Book' });
    const payment = await a.web.payments.create({ customerId: c.id, amount: 250, note: 'Cash' });
    await a.web.payments.delete({ id: payment.id });
    await a.web.customers.delete({ id: c.id });

    await a.web.deleted.restore({ entity: 'payments', id: payment.id });
    expect(await a.web.customers.get({ id: c.id })).toMatchObject({ name: 'Whole Book', credit: 250 });
    const pulled = await a.phone.api.sync.pull({ cursor: 0, limit: 1000 });
    const last = (id: string) => pulled.events.filter((e) => e.entityId === id).at(-1);
    expect(last(c.id)).toMatchObject({ op: 'upsert', row: { deletedAt: null, name: 'Whole Book' } });
    expect(last(payment.id)).toMatchObject({ op: 'upsert', row: { deletedAt: null, note: 'Cash' } });
    expect(await ids(a)).not.toContain(`customers:${c.id}`);
  });

  it('shows money left under a deleted customer (legacy data) as their balance', async () => {
    const owing = await a.web.customers.create({ name: 'Owing' });
    const debt = await a.web.debts.create({ customerId: owing.id, amount: 900 });
    const legacy = await a.web.customers.create({ name: 'Legacy' });
    await a.web.customers.delete({ id: legacy.id });
    // Before the server refused such deletes, a customer could go with entries that held money.
    await h.t.db.$executeRaw`UPDATE debts SET customer_id = ${legacy.id}::uuid
      WHERE user_id = ${a.userId}::uuid AND id = ${debt.id}::uuid`;
    const row = (await a.web.deleted.list()).find((r) => r.id === legacy.id);
    expect(row).toMatchObject({ entity: 'customers', customerName: 'Legacy', amount: 900 });
  });

  it('counts what a customer holds by the same rule as the balances', async () => {
    const owes = await a.web.customers.create({ name: 'Mixed Owes' });
    await a.web.debts.create({ customerId: owes.id, amount: 1_000 });
    await a.web.sales.create({
      customerId: owes.id,
      items: [{ name: 'Tea', quantity: 3, unitPrice: 200 }],
      paidAmount: 100,
    });
    await a.web.payments.create({ customerId: owes.id, amount: 300 });
    const credit = await a.web.customers.create({ name: 'Mixed Credit' });
    await a.web.sales.create({
      customerId: credit.id,
      items: [{ name: 'Oil', quantity: 1, unitPrice: 400 }],
      paidAmount: 400,
    });
    await a.web.payments.create({ customerId: credit.id, amount: 250 });
    const none = await a.web.customers.create({ name: 'Mixed None' });
    const nets = await h.t.db.$queryRaw<{ customer_id: string; net: string }[]>(
      netsSql(a.userId, [owes.id, credit.id, none.id]),
    );
    const byId = new Map(nets.map((r) => [r.customer_id, Number(r.net)]));
    for (const c of [owes, credit, none]) {
      const b = await a.web.customers.get({ id: c.id });
      expect(byId.get(c.id) ?? 0, String(c.name)).toBe(b.owed - b.credit);
    }
    expect(byId.get(owes.id)).toBe(1_200);
    expect(byId.get(credit.id)).toBe(-250);
  });
});
