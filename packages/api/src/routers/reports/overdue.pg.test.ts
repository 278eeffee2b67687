import { dayIn } from '@storesync/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../test/harness.ts';
import { createWebStore, type WebStore } from '../../test/web-store.ts';

let h: Harness;
let s: WebStore;
const DAY = 86_400_000;
const day = (offset: number) => dayIn('UTC', new Date(Date.now() + offset * DAY));

beforeAll(async () => {
  h = await createHarness('pg');
  s = await createWebStore(h, 'overdue@example.com');
});
afterAll(() => h.t.drop());

describe('reports.overdue', () => {
  it('lists live customers whose past-due debts repayments have not covered, most overdue first', async () => {
    const amina = await s.web.customers.create({ name: 'Amina' });
    const baraka = await s.web.customers.create({ name: 'Baraka' });
    const paidUp = await s.web.customers.create({ name: 'Paid up' });
    const gone = await s.web.customers.create({ name: 'Gone' });
    await s.web.debts.create({ customerId: amina.id, amount: 1_000, dueDate: day(-10) });
    await s.web.debts.create({ customerId: amina.id, amount: 5_000, dueDate: day(-2) });
    await s.web.debts.create({ customerId: amina.id, amount: 9_999, dueDate: day(0) });
    await s.web.payments.create({ customerId: amina.id, amount: 1_500 });
    await s.web.debts.create({ customerId: baraka.id, amount: 700, dueDate: day(-1) });
    await s.web.debts.create({ customerId: baraka.id, amount: 8_000 });
    const deleted = await s.web.debts.create({ customerId: baraka.id, amount: 50_000, dueDate: day(-5) });
    await s.web.debts.delete({ id: deleted.id });
    await s.web.debts.create({ customerId: paidUp.id, amount: 300, dueDate: day(-3) });
    await s.web.payments.create({ customerId: paidUp.id, amount: 300 });
    await s.web.debts.create({ customerId: gone.id, amount: 4_000, dueDate: day(-3) });
    // Deleted over a live balance, as servers before CUSTOMER_HAS_BALANCE let a customer go.
    await h.t.db.sql.query(
      'UPDATE customers SET deleted_at = now() WHERE user_id = $1::uuid AND id = $2::uuid',
      [s.userId, gone.id],
    );

    expect(await s.web.reports.overdue({ timeZone: 'UTC' })).toEqual([
      // 1,000 + 5,000 past due, 1,500 repaid: the earlier debt is covered, 4,500 of the later is not.
      { id: amina.id, name: 'Amina', overdue: 4_500, since: day(-2) },
      { id: baraka.id, name: 'Baraka', overdue: 700, since: day(-1) },
    ]);
  });

  it('is empty for another store', async () => {
    const other = await createWebStore(h, 'other-overdue@example.com');
    expect(await other.web.reports.overdue({ timeZone: 'UTC' })).toEqual([]);
  });
});
