import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { balanceOf } from './balance.ts';
import { type DueDebt, dayIn, isPastDue, overdueDebts } from './due.ts';

const day = fc
  .integer({ min: 1, max: 60 })
  .map((n) => new Date(Date.UTC(2026, 10, n)).toISOString().slice(0, 10));
const debts = fc.uniqueArray(
  fc.record({ id: fc.uuid(), amount: fc.integer({ min: 1, max: 1_000_000 }), dueDate: fc.option(day) }),
  { selector: (d) => d.id, maxLength: 12 },
);
const sum = (xs: Iterable<number>) => [...xs].reduce((a, b) => a + b, 0);

describe('overdueDebts', () => {
  it('marks a debt overdue the day after its due date, until repayments cover it', () => {
    const d: DueDebt[] = [
      { id: 'a', amount: 1000, dueDate: '2026-12-15' },
      { id: 'b', amount: 500, dueDate: '2026-12-01' },
      { id: 'c', amount: 700, dueDate: null },
    ];
    expect(overdueDebts(d, 0, '2026-12-15').byDebt).toEqual(new Map([['b', 500]]));
    expect(overdueDebts(d, 0, '2026-12-16')).toEqual({
      total: 1500,
      byDebt: new Map([
        ['a', 1000],
        ['b', 500],
      ]),
    });
    // The earliest due is settled first.
    expect(overdueDebts(d, 600, '2026-12-16')).toEqual({ total: 900, byDebt: new Map([['a', 900]]) });
    expect(overdueDebts(d, 2000, '2026-12-16').total).toBe(0);
  });

  it('is never more than what the customer owes, and its parts add up (any history)', () => {
    fc.assert(
      fc.property(
        debts,
        fc.integer({ min: 0, max: 5_000_000 }),
        fc.integer({ min: 0, max: 100_000 }),
        day,
        (ds, paid, unpaidSales, today) => {
          const { total, byDebt } = overdueDebts(ds, paid, today);
          const owed = balanceOf(sum(ds.map((d) => d.amount)), unpaidSales, paid).owed;
          expect(total).toBeLessThanOrEqual(owed);
          expect(sum(byDebt.values())).toBe(total);
          for (const [id, left] of byDebt) {
            const debt = ds.find((d) => d.id === id);
            expect(debt && isPastDue(debt.dueDate, today)).toBe(true);
            expect(left).toBeGreaterThan(0);
            expect(left).toBeLessThanOrEqual(debt?.amount ?? 0);
          }
        },
      ),
    );
  });

  it('only grows as days pass, and only shrinks as more is repaid', () => {
    fc.assert(
      fc.property(debts, fc.nat(5_000_000), fc.nat(100_000), day, day, (ds, paid, more, d1, d2) => {
        const [early, late] = d1 <= d2 ? [d1, d2] : [d2, d1];
        expect(overdueDebts(ds, paid, early).total).toBeLessThanOrEqual(overdueDebts(ds, paid, late).total);
        expect(overdueDebts(ds, paid + more, late).total).toBeLessThanOrEqual(
          overdueDebts(ds, paid, late).total,
        );
      }),
    );
  });
});

describe('dayIn', () => {
  it('is the calendar day in the owner’s time zone', () => {
    const instant = new Date('2026-12-15T22:30:00Z');
    expect(dayIn('UTC', instant)).toBe('2026-12-15');
    expect(dayIn('Africa/Nairobi', instant)).toBe('2026-12-16');
    expect(dayIn('America/Los_Angeles', instant)).toBe('2026-12-15');
  });
});
