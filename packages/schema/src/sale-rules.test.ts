import { describe, expect, it } from 'vitest';
import { describeSaleViolation, saleViolation } from './sale-rules.ts';

const items = [
  { quantity: 2, unitPrice: 150 },
  { quantity: 0.5, unitPrice: 901 },
];
const total = 300 + 451; // 0.5 × 901 = 450.5, rounded as saleTotal does

describe('saleViolation', () => {
  it('accepts a sale paid in full without a customer, and one on credit with a customer', () => {
    expect(saleViolation({ items, total, paidAmount: total, customerId: null })).toBeNull();
    expect(saleViolation({ items, total, paidAmount: 0, customerId: 'c' })).toBeNull();
  });

  it('refuses a total that is not the sum of the items', () => {
    const v = saleViolation({ items, total: total + 1, paidAmount: 0, customerId: 'c' });
    expect(v).toMatchObject({ code: 'SALE_TOTAL_MISMATCH', field: 'total' });
    expect(v && describeSaleViolation(v)).toBe(
      `total: Must be the sum of the items (${total}), not ${total + 1}`,
    );
  });

  it('refuses a paid amount above the total or below zero', () => {
    for (const paidAmount of [total + 1, -1])
      expect(saleViolation({ items, total, paidAmount, customerId: 'c' })).toMatchObject({
        code: 'SALE_TOTAL_MISMATCH',
        field: 'paidAmount',
      });
  });

  it('refuses an unpaid part without a customer: it would count in no balance', () => {
    expect(saleViolation({ items, total, paidAmount: total - 1, customerId: null })).toMatchObject({
      code: 'SALE_NEEDS_CUSTOMER',
      field: 'customerId',
    });
  });
});
