import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { balancesByCustomer } from './balance.ts';
import { overdueDebts } from './due.ts';
import { buildStatement, type StatementInput } from './statement.ts';

const CUSTOMERS = ['c1', 'c2', 'c3'];
const instant = fc
  .integer({ min: 0, max: 60 * 24 * 3 })
  .map((n) => new Date(Date.UTC(2026, 10, 1) + n * 20 * 60_000).toISOString());
const day = instant.map((t) => t.slice(0, 10));
const customer = fc.constantFrom(...CUSTOMERS);
const deleted = fc.option(instant, { freq: 4 });
const note = fc.option(fc.string({ maxLength: 8 }));

const book: fc.Arbitrary<StatementInput> = fc.record({
  debts: fc.uniqueArray(
    fc.record({
      id: fc.uuid(),
      customerId: customer,
      amount: fc.integer({ min: 1, max: 1_000_000 }),
      createdAt: instant,
      recordedAt: fc.option(instant),
      dueDate: fc.option(day),
      note,
      deletedAt: deleted,
    }),
    { selector: (r) => r.id, maxLength: 25 },
  ),
  payments: fc.uniqueArray(
    fc.record({
      id: fc.uuid(),
      customerId: customer,
      amount: fc.integer({ min: 1, max: 1_000_000 }),
      paidAt: instant,
      kind: fc.constantFrom(null, 'repayment' as const, 'writeOff' as const),
      note,
      deletedAt: deleted,
    }),
    { selector: (r) => r.id, maxLength: 25 },
  ),
  sales: fc.uniqueArray(
    fc
      .record({
        id: fc.uuid(),
        customerId: fc.option(customer),
        total: fc.integer({ min: 0, max: 1_000_000 }),
        paidShare: fc.double({ min: 0, max: 1.2, noNaN: true }),
        soldAt: instant,
        note,
        deletedAt: deleted,
      })
      .map(({ paidShare, ...s }) => ({
        ...s,
        paidAmount: Math.round(s.total * paidShare),
        items: [{ name: 'bread', quantity: 1, unitPrice: s.total }],
      })),
    { selector: (r) => r.id, maxLength: 25 },
  ),
});

describe('buildStatement', () => {
  it("ends at the customer's balance from balancesByCustomer, in date order, each step adding up (random books)", () => {
    fc.assert(
      fc.property(book, day, (input, today) => {
        const balances = balancesByCustomer(input);
        for (const id of CUSTOMERS) {
          const s = buildStatement(id, input, today);
          const b = balances.get(id);
          expect(s.balance.owed).toBe(b?.owed ?? 0);
          expect(s.balance.credit).toBe(b?.credit ?? 0);
          expect(s.entries.at(-1)?.balance ?? 0).toBe((b?.owed ?? 0) - (b?.credit ?? 0));
          let running = 0;
          for (const [i, e] of s.entries.entries()) {
            running += e.effect;
            expect(e.balance).toBe(running);
            if (i > 0) expect(e.at >= (s.entries[i - 1]?.at ?? '')).toBe(true);
          }
          const live = (r: { customerId: string | null; deletedAt: string | null }) =>
            r.customerId === id && r.deletedAt === null;
          const count = input.debts.filter(live).length + input.payments.filter(live).length;
          expect(s.entries.length).toBe(count + input.sales.filter(live).length);
        }
      }),
    );
  });

  it("agrees with the phone's overdue rule (overdueDebts over live debts and all repayments) and never exceeds what is owed", () => {
    fc.assert(
      fc.property(book, day, (input, today) => {
        const balances = balancesByCustomer(input);
        for (const id of CUSTOMERS) {
          const s = buildStatement(id, input, today);
          const debts = input.debts
            .filter((d) => d.customerId === id && d.deletedAt === null)
            .map((d) => ({ id: d.id, amount: d.amount, dueDate: d.dueDate ?? null }));
          const due = overdueDebts(debts, balances.get(id)?.payments ?? 0, today);
          expect(s.overdue.amount).toBe(due.total);
          expect(s.overdue.amount).toBeLessThanOrEqual(s.balance.owed);
          expect(s.overdue.since === null).toBe(due.total === 0);
          if (s.overdue.since) {
            expect(s.overdue.since < today).toBe(true);
            const dueDates = debts.filter((d) => due.byDebt.has(d.id)).map((d) => d.dueDate ?? '');
            expect(s.overdue.since).toBe(dueDates.sort()[0]);
          }
          if (s.balance.credit > 0) expect(s.overdue.amount).toBe(0);
        }
      }),
    );
  });

  it('dates a debt by when it was taken on, names write-offs, and keeps a sale’s items', () => {
    const input: StatementInput = {
      debts: [
        {
          id: 'd1',
          customerId: 'c1',
          amount: 1000,
          createdAt: '2026-11-20T10:00:00.000Z',
          recordedAt: '2026-11-01T10:00:00.000Z',
          dueDate: '2026-11-10',
          deletedAt: null,
        },
      ],
      payments: [
        {
          id: 'p1',
          customerId: 'c1',
          amount: 300,
          paidAt: '2026-11-05T10:00:00.000Z',
          kind: 'writeOff',
          deletedAt: null,
        },
      ],
      sales: [
        {
          id: 's1',
          customerId: 'c1',
          total: 500,
          paidAmount: 200,
          soldAt: '2026-11-03T10:00:00.000Z',
          items: [{ name: 'rice', quantity: 2, unitPrice: 250 }],
          deletedAt: null,
        },
      ],
    };
    const s = buildStatement('c1', input, '2026-12-01');
    expect(s.entries.map((e) => [e.kind, e.at.slice(0, 10), e.balance])).toEqual([
      ['debt', '2026-11-01', 1000],
      ['sale', '2026-11-03', 1300],
      ['writeOff', '2026-11-05', 1000],
    ]);
    expect(s.entries[1]).toMatchObject({ items: [{ name: 'rice' }], paid: 200 });
    expect(s.overdue).toEqual({ amount: 700, since: '2026-11-10' });
    expect(s.balance.owed).toBe(1000);
  });
});
