import { entityFieldNames, fieldsOfKind } from '@storesync/schema';
import { describe, expect, it } from 'vitest';
import { customerSelect, debtSelect, paymentSelect, saleSelect, toDebt, toPayment, toSale } from './rows.ts';

// The dashboard's rows are named Prisma selects, written out for their types:
// this ties them to the entity definitions, so a field added to an entity and
// forgotten on the dashboard fails here.
const SELECTS = { customers: customerSelect, debts: debtSelect, payments: paymentSelect, sales: saleSelect };

describe('the dashboard rows', () => {
  it.each(Object.entries(SELECTS))('%s select every field of the entity', (entity, select) => {
    const fields = entityFieldNames(entity as keyof typeof SELECTS);
    expect(Object.keys(select).filter((k) => fields.includes(k))).toEqual(fields);
  });

  it('send every timestamp field as ISO-8601 UTC and dates as YYYY-MM-DD', () => {
    const at = new Date('2026-03-01T09:30:00.000Z');
    const common = { id: 'x', createdAt: at, updatedAt: at, updatedByDeviceId: null, note: null };
    const wire = {
      payments: toPayment({ ...common, customerId: 'c', debtId: null, amount: 5n, paidAt: at, kind: null }),
      sales: toSale({ ...common, customerId: null, items: [], total: 5n, paidAmount: 0n, soldAt: at }, null),
    };
    for (const [entity, row] of Object.entries(wire)) {
      for (const f of fieldsOfKind(entity as keyof typeof wire, 'timestamp'))
        expect((row as Record<string, unknown>)[f]).toBe('2026-03-01T09:30:00.000Z');
    }
    const debt = toDebt({ ...common, customerId: 'c', amount: 5n, dueDate: at, recordedAt: at });
    expect(fieldsOfKind('debts', 'date').map((f) => (debt as Record<string, unknown>)[f])).toEqual([
      '2026-03-01',
    ]);
  });
});
