import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../test/harness.ts';
import { createWebStore, type WebStore } from '../test/web-store.ts';

// Every dashboard procedure that takes an id, called by another store with
// Alice's ids: refused exactly as an id that exists nowhere, and nothing written.
let h: Harness;
let alice: WebStore;
let bob: WebStore;
const ids = { customer: '', debt: '', payment: '', sale: '' };

beforeAll(async () => {
  h = await createHarness('pg');
  alice = await createWebStore(h, 'alice@example.com');
  bob = await createWebStore(h, 'bob@example.com');
  const a = alice.web;
  ids.customer = (await a.customers.create({ name: 'Alice’s customer' })).id;
  ids.debt = (await a.debts.create({ customerId: ids.customer, amount: 100 })).id;
  ids.payment = (await a.payments.create({ customerId: ids.customer, amount: 50 })).id;
  ids.sale = (
    await a.sales.create({ items: [{ name: 'x', quantity: 1, unitPrice: 10 }], paidAmount: 10 })
  ).id;
});
afterAll(() => h.t.drop());

type Call = (api: WebStore['web'], id: string) => Promise<unknown>;
const calls: [string, keyof typeof ids, Call][] = [
  ['customers.get', 'customer', (api, id) => api.customers.get({ id })],
  ['customers.timeline', 'customer', (api, id) => api.customers.timeline({ id })],
  ['customers.update', 'customer', (api, id) => api.customers.update({ id, name: 'Mine now' })],
  ['customers.delete', 'customer', (api, id) => api.customers.delete({ id })],
  ['debts.get', 'debt', (api, id) => api.debts.get({ id })],
  ['debts.update', 'debt', (api, id) => api.debts.update({ id, amount: 1 })],
  ['debts.delete', 'debt', (api, id) => api.debts.delete({ id })],
  ['debts.create', 'customer', (api, id) => api.debts.create({ customerId: id, amount: 1 })],
  ['payments.get', 'payment', (api, id) => api.payments.get({ id })],
  ['payments.update', 'payment', (api, id) => api.payments.update({ id, amount: 1 })],
  ['payments.delete', 'payment', (api, id) => api.payments.delete({ id })],
  ['payments.create', 'customer', (api, id) => api.payments.create({ customerId: id, amount: 1 })],
  ['sales.get', 'sale', (api, id) => api.sales.get({ id })],
  ['sales.update', 'sale', (api, id) => api.sales.update({ id, paidAmount: 0 })],
  ['sales.delete', 'sale', (api, id) => api.sales.delete({ id })],
  ['history.row customers', 'customer', (api, id) => api.history.row({ entity: 'customers', id })],
  ['history.row debts', 'debt', (api, id) => api.history.row({ entity: 'debts', id })],
  ['history.row payments', 'payment', (api, id) => api.history.row({ entity: 'payments', id })],
  ['history.row sales', 'sale', (api, id) => api.history.row({ entity: 'sales', id })],
  [
    'sales.create',
    'customer',
    (api, id) =>
      api.sales.create({ customerId: id, items: [{ name: 'x', quantity: 1, unitPrice: 1 }], paidAmount: 0 }),
  ],
];

const errorOf = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: { code?: string; message?: string }) => ({ code: e.code, message: e.message }),
  );

describe('dashboard procedures across stores', () => {
  it.each(calls)('%s refuses another store’s id like an unknown one', async (_name, kind, call) => {
    const theirs = await errorOf(call(bob.web, ids[kind]));
    const unknown = await errorOf(call(bob.web, crypto.randomUUID()));
    expect(theirs).toMatchObject({ code: 'NOT_FOUND' });
    expect(theirs).toEqual(unknown);
  });

  it('leaves the other store’s rows and change log untouched, and shows it nothing', async () => {
    expect(await h.t.db.syncEvent.count({ where: { userId: bob.userId } })).toBe(0);
    expect(await alice.web.customers.get({ id: ids.customer })).toMatchObject({
      name: 'Alice’s customer',
      owed: 50,
    });
    expect((await bob.web.customers.list({})).items).toEqual([]);
    expect((await bob.web.debts.list({})).items).toEqual([]);
    expect((await bob.web.payments.list({})).items).toEqual([]);
    expect((await bob.web.sales.list({})).items).toEqual([]);
    expect(await bob.web.reports.overview({})).toMatchObject({ outstanding: 0, topDebtors: [] });
    expect(await bob.web.reports.overdue({})).toEqual([]);
  });

  it('refuses every dashboard procedure without a session', async () => {
    const anon = await h.callerWith();
    await expect(anon.customers.list({})).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(anon.reports.daily({})).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(
      anon.sales.create({ items: [{ name: 'x', quantity: 1, unitPrice: 1 }], paidAmount: 0 }),
    ).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
  });
});
