import { periodFigures } from '@storesync/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Row } from '../rows.ts';
import { openSqliteStore } from '../storage/sqlite.ts';

// The phone's Today figures come from SQLite (`sql-reads.ts`'s `period`); the rule is
// `periodFigures` of @storesync/schema. Random books: sales (walk-ins, on credit, deleted) and
// repayments (write-offs, deleted) an hour apart over two days, read over random bounds.
const HOUR = 3_600_000;
const T0 = Date.UTC(2031, 0, 1);
const at = (h: number) => new Date(T0 + h * HOUR).toISOString();
const id = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const CUSTOMER = id(999);

const common = (h: number, deleted: boolean) => ({
  createdAt: at(h),
  updatedAt: at(h),
  deletedAt: deleted ? at(h + 1) : null,
  updatedByDeviceId: 'd',
  rowVersion: 1,
});

const entry = fc.record({
  sale: fc.boolean(),
  hour: fc.nat(48),
  amount: fc.integer({ min: 1, max: 1_000_000 }),
  paid: fc.nat(1_000_000),
  walkIn: fc.boolean(),
  writeOff: fc.boolean(),
  deleted: fc.boolean(),
});

describe('the phone’s Today figures', () => {
  it('are periodFigures of the same rows, on SQLite, for any bounds', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(entry, { maxLength: 40 }),
        fc.nat(48),
        fc.nat(30),
        async (entries, from, span) => {
          const sales: Row<'sales'>[] = [];
          const payments: Row<'payments'>[] = [];
          entries.forEach((e, n) => {
            if (e.sale) {
              const paidAmount = e.walkIn ? e.amount : Math.min(e.paid, e.amount);
              sales.push({
                id: id(n),
                customerId: e.walkIn ? null : CUSTOMER,
                items: [{ name: 'tea', quantity: 1, unitPrice: e.amount }],
                total: e.amount,
                paidAmount,
                soldAt: at(e.hour),
                note: null,
                ...common(e.hour, e.deleted),
              } as Row<'sales'>);
            } else {
              payments.push({
                id: id(n),
                customerId: CUSTOMER,
                debtId: null,
                amount: e.amount,
                paidAt: at(e.hour),
                note: null,
                kind: e.writeOff ? 'writeOff' : null,
                ...common(e.hour, e.deleted),
              } as Row<'payments'>);
            }
          });
          const store = await openSqliteStore(':memory:');
          await store.transaction(async (tx) => {
            await tx.putRows('customers', [
              {
                id: CUSTOMER,
                name: 'Amina',
                phone: null,
                note: null,
                language: null,
                ...common(0, false),
              } as Row<'customers'>,
            ]);
            await tx.putRows('sales', sales);
            await tx.putRows('payments', payments);
          });
          const got = await store.transaction((tx) => tx.reads.period(at(from), at(from + span)));
          expect(got).toEqual(periodFigures({ sales, payments }, at(from), at(from + span)));
          await store.close();
        },
      ),
      { numRuns: 150 },
    );
  });
});
