import { saleTotal } from './sale-total.ts';

/** A sale as the rules see it: the fields they check, as the row would be after a change. */
export interface SaleFigures {
  items: readonly { quantity: number; unitPrice: number }[];
  total: number;
  paidAmount: number;
  customerId: string | null;
}

/** Which rule a sale breaks (a push reject code), the field it is about, and an English message. */
export interface SaleViolation {
  code: 'SALE_TOTAL_MISMATCH' | 'SALE_NEEDS_CUSTOMER';
  field: 'total' | 'paidAmount' | 'customerId';
  message: string;
}

/** The fields a change must touch for the sale rules to be checked: other edits keep legacy rows editable. */
export const SALE_RULE_FIELDS = ['items', 'total', 'paidAmount', 'customerId'] as const;

/**
 * The rules every door holds a sale to (docs/protocol.md): its total is the sum of its items
 * (`saleTotal`), what was paid is between 0 and that total, and a sale not paid in full names
 * the customer who owes the rest (else the unpaid part would count in no balance). Null when
 * the sale keeps them all.
 */
export function saleViolation(sale: SaleFigures): SaleViolation | null {
  const expected = saleTotal(sale.items);
  if (sale.total !== expected) {
    return {
      code: 'SALE_TOTAL_MISMATCH',
      field: 'total',
      message: `Must be the sum of the items (${expected}), not ${sale.total}`,
    };
  }
  if (sale.paidAmount < 0 || sale.paidAmount > sale.total) {
    return { code: 'SALE_TOTAL_MISMATCH', field: 'paidAmount', message: 'Cannot be more than the total' };
  }
  if (sale.paidAmount < sale.total && sale.customerId === null) {
    return {
      code: 'SALE_NEEDS_CUSTOMER',
      field: 'customerId',
      message: 'A sale not paid in full needs a customer to owe the rest',
    };
  }
  return null;
}

/** The violation as one line naming its field, e.g. `paidAmount: Cannot be more than the total`. */
export const describeSaleViolation = (v: SaleViolation): string => `${v.field}: ${v.message}`;
