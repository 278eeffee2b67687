import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../test/harness.ts';
import { createWebStore, WEB_DEVICE, type WebStore } from '../../test/web-store.ts';

let h: Harness;
let s: WebStore;

beforeAll(async () => {
  h = await createHarness('pg');
  s = await createWebStore(h, 'customers@example.com');
});
afterAll(() => h.t.drop());

describe('customersRouter', () => {
  it('creates a customer as one sync event that a phone pulls', async () => {
    const { result, event } = await s.expectOneEvent(() =>
      s.web.customers.create({ name: '  Amina ', phone: '+254 700' }),
    );
    expect(result).toMatchObject({ name: 'Amina', phone: '+254 700', note: null, rowVersion: 1 });
    expect(event).toMatchObject({ entity: 'customers', entityId: result.id, op: 'upsert' });
    expect(event.row).toEqual(result);
    expect(result.updatedByDeviceId).toBe(WEB_DEVICE);
  });

  it('refuses invalid input naming the field', async () => {
    await expect(s.web.customers.create({ name: '   ' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('name'),
    });
  });

  it('updates only the edited fields, so a phone’s offline edit of another field survives', async () => {
    const c = await s.web.customers.create({ name: 'Baraka', note: 'old note' });
    // The phone's note edit carries a clock later than the web's edit below; each keeps its own field.
    const t0 = new Date(Date.now() + 1_000).toISOString();
    await s.phone.api.sync.push({
      deviceId: s.phone.deviceId,
      events: [
        {
          eventUuid: crypto.randomUUID(),
          entity: 'customers',
          entityId: c.id,
          op: 'upsert',
          payload: { note: 'typed on the phone' },
          updatedFields: ['note'],
          clientUpdatedAt: t0,
        },
      ],
    });
    const { result, event } = await s.expectOneEvent(() =>
      s.web.customers.update({ id: c.id, phone: '0711 000 000' }),
    );
    expect(result).toMatchObject({ name: 'Baraka', phone: '0711 000 000', note: 'typed on the phone' });
    expect(event.row).toMatchObject({ phone: '0711 000 000', note: 'typed on the phone' });
    await expect(s.web.customers.update({ id: c.id })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('sorts names as people read them, not by their bytes: accents beside their letters, case aside', async () => {
    const t = await createWebStore(h, 'collation@example.com');
    for (const name of ['zeta', 'Émile', 'Oscar', 'ñandú', 'Ella', 'Nora', 'أمين', 'अमित'])
      await t.web.customers.create({ name });
    const names = async (order: 'asc' | 'desc') =>
      (await t.web.customers.list({ sort: 'name', order, limit: 20 })).items.map((c) => c.name);
    const latin = ['Ella', 'Émile', 'ñandú', 'Nora', 'Oscar', 'zeta'];
    expect((await names('asc')).filter((n) => latin.includes(n))).toEqual(latin);
    expect((await names('desc')).filter((n) => latin.includes(n))).toEqual([...latin].reverse());
    // Found in any case, with or without accents; a name written with its short vowels by its plain spelling.
    const found = async (search: string) =>
      (await t.web.customers.list({ search, limit: 20 })).items.map((c) => c.name).sort();
    expect(await found('EMILE')).toEqual(['Émile']);
    expect(await found('nandu')).toEqual(['ñandú']);
    expect(await found('émi')).toEqual(['Émile']);
    await t.web.customers.create({ name: 'فَاطِمة' });
    expect(await found('فاطمة')).toEqual(['فَاطِمة']);
    expect(await found('%')).toEqual([]);
  });

  it('gets a customer with balance, and lists with search, balance sort and pages', async () => {
    const rich = await s.web.customers.create({ name: 'Zawadi Owes', phone: '555-100' });
    await s.web.debts.create({ customerId: rich.id, amount: 9_000 });
    await s.web.payments.create({ customerId: rich.id, amount: 1_500 });
    expect(await s.web.customers.get({ id: rich.id })).toMatchObject({
      name: 'Zawadi Owes',
      debts: 9_000,
      payments: 1_500,
      owed: 7_500,
      credit: 0,
    });
    const byBalance = await s.web.customers.list({ sort: 'balance', order: 'desc' });
    expect(byBalance.items[0]).toMatchObject({ id: rich.id, owed: 7_500, credit: 0 });
    expect((await s.web.customers.list({ search: '555-1' })).items.map((c) => c.id)).toEqual([rich.id]);
    expect((await s.web.customers.list({ search: 'zawadi' })).items.map((c) => c.id)).toEqual([rich.id]);
    expect((await s.web.customers.list({ search: '%' })).items).toEqual([]);
    const page1 = await s.web.customers.list({ limit: 2 });
    expect(page1).toMatchObject({ total: 3, nextCursor: 2 });
    expect(page1.items.map((c) => c.name)).toEqual(['Amina', 'Baraka']);
    const page2 = await s.web.customers.list({ limit: 2, cursor: 2 });
    expect(page2).toMatchObject({ nextCursor: null, items: [{ name: 'Zawadi Owes' }] });
  });

  it('shows one timeline of debts, payments and sales, newest first', async () => {
    const c = await s.web.customers.create({ name: 'Timeline' });
    await s.web.debts.create({ customerId: c.id, amount: 1_000 });
    await s.web.payments.create({
      customerId: c.id,
      amount: 400,
      paidAt: new Date(Date.now() + 1_000).toISOString(),
    });
    await s.web.sales.create({
      customerId: c.id,
      items: [{ name: 'Tea', quantity: 2, unitPrice: 150 }],
      paidAmount: 300,
      soldAt: new Date(Date.now() + 2_000).toISOString(),
    });
    const timeline = await s.web.customers.timeline({ id: c.id });
    expect(timeline.map((e) => [e.kind, e.effect, e.balance])).toEqual([
      ['sale', 0, 600],
      ['payment', -400, 600],
      ['debt', 1_000, 1_000],
    ]);
    // The running balance counts back from the whole balance, even when older entries are cut.
    const latest = await s.web.customers.timeline({ id: c.id, limit: 1 });
    expect(latest.map((e) => [e.kind, e.balance])).toEqual([['sale', 600]]);
  });

  it('deletes with a tombstone the phone pulls, after which the customer is gone', async () => {
    const c = await s.web.customers.create({ name: 'Leaving' });
    const { event } = await s.expectOneEvent(() => s.web.customers.delete({ id: c.id }));
    expect(event).toMatchObject({ op: 'delete', entityId: c.id, row: { deletedAt: expect.any(String) } });
    await expect(s.web.customers.get({ id: c.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(s.web.customers.delete({ id: c.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // An edit must not revive it.
    await expect(s.web.customers.update({ id: c.id, name: 'Back' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect((await s.web.customers.list({ search: 'Leaving' })).items).toEqual([]);
  });
});
