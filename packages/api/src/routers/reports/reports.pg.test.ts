import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../test/harness.ts';
import { createWebStore, type WebStore } from '../../test/web-store.ts';

let h: Harness;
let s: WebStore;
const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY).toISOString();

beforeAll(async () => {
  h = await createHarness('pg');
  s = await createWebStore(h, 'reports@example.com');
  const a = await s.web.customers.create({ name: 'Big' });
  const b = await s.web.customers.create({ name: 'Small' });
  const c = await s.web.customers.create({ name: 'Settled' });
  const gone = await s.web.customers.create({ name: 'Deleted' });
  await s.web.debts.create({ customerId: a.id, amount: 10_000 });
  await s.web.debts.create({ customerId: b.id, amount: 3_000 });
  await s.web.debts.create({ customerId: c.id, amount: 500 });
  await s.web.debts.create({ customerId: gone.id, amount: 99_999 });
  // Deleted over a live balance, as servers before CUSTOMER_HAS_BALANCE let a customer go.
  await h.t.db.sql.query(
    'UPDATE customers SET deleted_at = now() WHERE user_id = $1::uuid AND id = $2::uuid',
    [s.userId, gone.id],
  );
  await s.web.payments.create({ customerId: a.id, amount: 4_000 });
  await s.web.payments.create({ customerId: c.id, amount: 500, paidAt: daysAgo(3) });
  const sale = (total: number, soldAt: string) =>
    s.web.sales.create({ items: [{ name: 'x', quantity: 1, unitPrice: total }], paidAmount: total, soldAt });
  await sale(1_000, new Date().toISOString());
  await sale(250, new Date().toISOString());
  await sale(7_000, daysAgo(40));
  const deleted = await sale(123, new Date().toISOString());
  await s.web.sales.delete({ id: deleted.id });
});
afterAll(() => h.t.drop());

describe('reportsRouter', () => {
  it('sums the overview over live rows of live customers', async () => {
    const o = await s.web.reports.overview({ timeZone: 'UTC' });
    expect(o).toMatchObject({
      outstanding: 6_000 + 3_000,
      credit: 0,
      customersOwing: 2,
      salesToday: { count: 2, total: 1_250 },
      topDebtors: [
        { name: 'Big', owed: 6_000 },
        { name: 'Small', owed: 3_000 },
      ],
    });
    expect(o.salesThisWeek.total).toBeGreaterThanOrEqual(1_250);
    expect(o.salesThisWeek.since).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('gives one point per day, today last, with sales, new debt and repayments', async () => {
    const days = await s.web.reports.daily({ timeZone: 'Africa/Nairobi', days: 30 });
    expect(days).toHaveLength(30);
    const today = days.at(-1);
    expect(today).toMatchObject({ sales: 1_250, salesCount: 2, debts: 13_500, payments: 4_000 });
    expect(days.reduce((sum, d) => sum + d.sales, 0)).toBe(1_250);
    expect(days.reduce((sum, d) => sum + d.payments, 0)).toBe(4_500);
  });

  it('dates a debt by when its device recorded it, not when it synced', async () => {
    const c = await s.web.customers.create({ name: 'Offline' });
    await s.phone.api.sync.push({
      deviceId: s.phone.deviceId,
      events: [
        {
          eventUuid: crypto.randomUUID(),
          entity: 'debts',
          entityId: crypto.randomUUID(),
          op: 'upsert',
          payload: { customerId: c.id, amount: 777 },
          clientUpdatedAt: daysAgo(5),
        },
      ],
    });
    const days = await s.web.reports.daily({ timeZone: 'UTC', days: 7 });
    expect(days.find((d) => d.debts === 777)?.day).toBe(daysAgo(5).slice(0, 10));
  });

  it('counts a sale’s unpaid part as outstanding, and keeps overpayment apart as credit', async () => {
    const before = await s.web.reports.overview({ timeZone: 'UTC' });
    const buyer = await s.web.customers.create({ name: 'On credit' });
    await s.web.sales.create({
      customerId: buyer.id,
      items: [{ name: 'Flour', quantity: 1, unitPrice: 1_960 }],
      paidAmount: 1_000,
    });
    const payer = await s.web.customers.create({ name: 'Overpaid' });
    await s.web.debts.create({ customerId: payer.id, amount: 2_335 });
    await s.web.payments.create({ customerId: payer.id, amount: 10_000 });
    const after = await s.web.reports.overview({ timeZone: 'UTC' });
    expect(after.outstanding - before.outstanding).toBe(960);
    expect(after.credit - before.credit).toBe(7_665);
    expect(after.customersOwing - before.customersOwing).toBe(1);
    expect(await s.web.customers.get({ id: payer.id })).toMatchObject({ owed: 0, credit: 7_665 });
  });

  it('counts a write-off in the balance but not as money taken', async () => {
    const before = await s.web.reports.overview({ timeZone: 'UTC' });
    const takenBefore = (await s.web.reports.daily({ timeZone: 'UTC', days: 1 }))[0]?.payments ?? 0;
    const c = await s.web.customers.create({ name: 'Forgiven' });
    await s.web.debts.create({ customerId: c.id, amount: 5_000 });
    await s.web.payments.create({ customerId: c.id, amount: 1_000 });
    const paidAt = new Date().toISOString();
    const pushed = await s.phone.api.sync.push({
      deviceId: s.phone.deviceId,
      events: [
        {
          eventUuid: crypto.randomUUID(),
          entity: 'payments',
          entityId: crypto.randomUUID(),
          op: 'upsert',
          payload: { customerId: c.id, amount: 4_000, paidAt, kind: 'writeOff' },
          clientUpdatedAt: paidAt,
        },
      ],
    });
    expect(pushed.results[0]?.status).toBe('applied');
    const after = await s.web.reports.overview({ timeZone: 'UTC' });
    expect(after.outstanding).toBe(before.outstanding);
    const taken = (await s.web.reports.daily({ timeZone: 'UTC', days: 1 }))[0]?.payments ?? 0;
    expect(taken - takenBefore).toBe(1_000);
  });

  it('refuses an unknown time zone', async () => {
    await expect(s.web.reports.overview({ timeZone: 'Mars/Olympus' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
  });
});
