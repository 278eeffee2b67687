import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  balancesByCustomer,
  customerBalance,
  customerTimeline,
  exceedsOwed,
  type LedgerInput,
  outstandingTotals,
  overpaymentQuestion,
  saleUnpaid,
} from './balance.ts';

const at = (day: number) => new Date(Date.UTC(2026, 10, day)).toISOString();
const debt = (id: string, customerId: string, amount: number, day = 1, deletedAt: string | null = null) => ({
  id,
  customerId,
  amount,
  createdAt: at(day),
  deletedAt,
});
const payment = (id: string, customerId: string, amount: number, day = 1) => ({
  id,
  customerId,
  amount,
  paidAt: at(day),
  deletedAt: null,
});
const sale = (id: string, customerId: string | null, total: number, paidAmount: number, day = 1) => ({
  id,
  customerId,
  total,
  paidAmount,
  soldAt: at(day),
  deletedAt: null,
});

describe('customerBalance', () => {
  it('counts the unpaid part of a sale on credit as owed', () => {
    const ledger = { debts: [], payments: [], sales: [sale('s1', 'amina', 1960, 1000)] };
    expect(saleUnpaid({ total: 1960, paidAmount: 1000 })).toBe(960);
    expect(customerBalance('amina', ledger)).toEqual({
      debts: 0,
      unpaidSales: 960,
      payments: 0,
      owed: 960,
      credit: 0,
    });
  });

  it('keeps what was paid beyond the debt as credit, not a negative balance', () => {
    const ledger = {
      debts: [debt('d1', 'amina', 2_335_050)],
      payments: [payment('p1', 'amina', 10_000_000, 2)],
      sales: [],
    };
    const balance = customerBalance('amina', ledger);
    expect(balance).toMatchObject({ owed: 0, credit: 7_664_950 });
    expect(outstandingTotals(ledger)).toEqual({ outstanding: 0, credit: 7_664_950, customersOwing: 0 });
  });

  it('leaves out deleted rows, other customers and walk-in sales', () => {
    const ledger = {
      debts: [debt('d1', 'amina', 500), debt('d2', 'amina', 900, 1, at(3)), debt('d3', 'baraka', 70)],
      payments: [],
      sales: [sale('s1', null, 800, 0)],
    };
    expect(customerBalance('amina', ledger).owed).toBe(500);
    expect([...balancesByCustomer(ledger).keys()].sort()).toEqual(['amina', 'baraka']);
  });
});

describe('exceedsOwed and overpaymentQuestion', () => {
  it('ask before taking more than is owed', () => {
    const balance = customerBalance('amina', { debts: [debt('d1', 'amina', 2335)], payments: [], sales: [] });
    expect(exceedsOwed(balance, 2335)).toBe(false);
    expect(exceedsOwed(balance, 2336)).toBe(true);
    expect(overpaymentQuestion('Amina', balance, 10_000, 'USD', 'en-US')).toBe(
      'Amina owes $23.35. Take $100.00 and keep $76.65 as credit?',
    );
  });
});

describe('customerTimeline', () => {
  it('lists live entries oldest first with their effect and the running balance', () => {
    const ledger = {
      debts: [debt('d1', 'amina', 500, 1)],
      payments: [payment('p1', 'amina', 700, 3)],
      sales: [sale('s1', 'amina', 1960, 1000, 2)],
    };
    expect(customerTimeline('amina', ledger).map((e) => [e.kind, e.amount, e.effect, e.balance])).toEqual([
      ['debt', 500, 500, 500],
      ['sale', 1960, 960, 1460],
      ['payment', 700, -700, 760],
    ]);
  });
});

/** Random histories: rows of a few customers, some deleted, sales partly paid or not at all. */
const customerId = fc.constantFrom('c1', 'c2', 'c3');
const when = fc.integer({ min: 1, max: 28 }).map(at);
const deleted = fc.option(when, { nil: null, freq: 3 });
const amount = fc.integer({ min: 1, max: 10_000_000 });
const ledgerArb: fc.Arbitrary<LedgerInput> = fc.record({
  debts: fc.array(fc.record({ id: fc.uuid(), customerId, amount, createdAt: when, deletedAt: deleted })),
  payments: fc.array(fc.record({ id: fc.uuid(), customerId, amount, paidAt: when, deletedAt: deleted })),
  sales: fc.array(
    fc
      .record({
        id: fc.uuid(),
        customerId: fc.option(customerId),
        total: amount,
        paid: fc.double({ min: 0, max: 1, noNaN: true }),
      })
      .chain((s) =>
        fc.record({
          id: fc.constant(s.id),
          customerId: fc.constant(s.customerId),
          total: fc.constant(s.total),
          paidAmount: fc.constant(Math.floor(s.total * s.paid)),
          soldAt: when,
          deletedAt: deleted,
        }),
      ),
  ),
});

describe('balance rules, for any history', () => {
  it('balance = sum of the timeline’s effects = the last running balance', () => {
    fc.assert(
      fc.property(ledgerArb, customerId, (ledger, id) => {
        const b = customerBalance(id, ledger);
        const timeline = customerTimeline(id, ledger);
        const sum = timeline.reduce((s, e) => s + e.effect, 0);
        expect(b.owed - b.credit).toBe(sum);
        expect(timeline.at(-1)?.balance ?? 0).toBe(sum);
        expect(timeline.map((e) => e.at)).toEqual(timeline.map((e) => e.at).sort());
      }),
    );
  });

  it('owed and credit are never negative and never both above zero', () => {
    fc.assert(
      fc.property(ledgerArb, (ledger) => {
        for (const b of balancesByCustomer(ledger).values()) {
          expect(b.owed).toBeGreaterThanOrEqual(0);
          expect(b.credit).toBeGreaterThanOrEqual(0);
          expect(b.owed > 0 && b.credit > 0).toBe(false);
          expect(b.owed - b.credit).toBe(b.debts + b.unpaidSales - b.payments);
        }
        const totals = outstandingTotals(ledger);
        expect(totals.outstanding).toBeGreaterThanOrEqual(0);
        expect(totals.credit).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('balancesByCustomer agrees with customerBalance', () => {
    fc.assert(
      fc.property(ledgerArb, (ledger) => {
        const all = balancesByCustomer(ledger);
        for (const id of ['c1', 'c2', 'c3']) {
          expect(all.get(id) ?? customerBalance(id, { debts: [], payments: [], sales: [] })).toEqual(
            customerBalance(id, ledger),
          );
        }
      }),
    );
  });
});
