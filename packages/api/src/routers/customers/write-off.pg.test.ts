import { formatMoney } from '@storesync/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../test/harness.ts';
import { createWebStore, type WebStore } from '../../test/web-store.ts';

let h: Harness;
let s: WebStore;

beforeAll(async () => {
  h = await createHarness('pg');
  s = await createWebStore(h, 'write-off@example.com');
  await s.web.settings.update({ currency: 'KES' });
});
afterAll(() => h.t.drop());

const outstanding = async () => (await s.web.reports.overview({ timeZone: 'UTC' })).outstanding;

describe('customers.writeOff', () => {
  it('settles what is owed with a payment of kind writeOff, which the history names, so the customer can go', async () => {
    const c = await s.web.customers.create({ name: 'Amina' });
    await s.web.debts.create({ customerId: c.id, amount: 140_000 });
    const before = await outstanding();
    const { result, event } = await s.expectOneEvent(() =>
      s.web.customers.writeOff({ id: c.id, net: 140_000 }),
    );
    expect(result).toMatchObject({ customerId: c.id, amount: 140_000, kind: 'writeOff' });
    expect(event).toMatchObject({ entity: 'payments', row: { kind: 'writeOff' } });
    expect(await outstanding()).toBe(before - 140_000);
    const [newest] = await s.web.customers.timeline({ id: c.id });
    expect(newest).toMatchObject({
      kind: 'payment',
      effect: -140_000,
      balance: 0,
      payment: { kind: 'writeOff' },
    });

    await s.web.customers.delete({ id: c.id });
    // Restored, the history still says which entry was a write-off.
    await s.web.deleted.restore({ entity: 'customers', id: c.id });
    const kinds = (await s.web.customers.timeline({ id: c.id })).map((e) =>
      e.kind === 'payment' ? (e.payment.kind ?? 'repayment') : e.kind,
    );
    expect(kinds).toEqual(['writeOff', 'debt']);
  });

  it('cancels a credit with a debt of that amount, noted as a written-off credit', async () => {
    const c = await s.web.customers.create({ name: 'Baraka' });
    await s.web.payments.create({ customerId: c.id, amount: 30_000 });
    const debt = await s.web.customers.writeOff({ id: c.id, net: -30_000 });
    expect(debt).toMatchObject({
      amount: 30_000,
      note: `Credit of ${formatMoney(30_000, 'KES')} written off`,
    });
    expect(await s.web.customers.get({ id: c.id })).toMatchObject({ owed: 0, credit: 0 });
  });

  it('writes nothing when the balance moved since the owner saw it', async () => {
    const c = await s.web.customers.create({ name: 'Chege' });
    await s.web.debts.create({ customerId: c.id, amount: 500 });
    await s.web.debts.create({ customerId: c.id, amount: 200 });
    await expect(s.web.customers.writeOff({ id: c.id, net: 500 })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    expect(await s.web.customers.get({ id: c.id })).toMatchObject({ owed: 700 });
  });
});

describe('customers.delete', () => {
  it('refuses a customer who owes, saying so, and changes nothing', async () => {
    const c = await s.web.customers.create({ name: 'Owes' });
    await s.web.debts.create({ customerId: c.id, amount: 1_400 });
    await expect(s.web.customers.delete({ id: c.id })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('CUSTOMER_HAS_BALANCE: the customer owes 1400'),
    });
    expect(await s.web.customers.get({ id: c.id })).toMatchObject({ owed: 1_400 });
  });
});
