import type { SaleItem } from './entities.ts';

/**
 * A sale's total in minor units: each line's quantity × unit price, rounded to
 * a whole minor unit, summed. One function so that the sale form's preview and
 * the stored `total` can never disagree.
 */
export const saleTotal = (items: readonly Pick<SaleItem, 'quantity' | 'unitPrice'>[]): number =>
  items.reduce((sum, item) => sum + Math.round(item.quantity * item.unitPrice), 0);
