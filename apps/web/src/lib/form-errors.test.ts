import { CustomerCreateInputSchema, SaleCreateInputSchema } from '@storesync/schema';
import { describe, expect, it } from 'vitest';
import { zodFieldErrors } from './form-errors';

describe('zodFieldErrors', () => {
  it('keys the shared schemas’ messages by field path', () => {
    const customer = CustomerCreateInputSchema.safeParse({ name: ' ' });
    expect(customer.success || zodFieldErrors(customer.error)).toEqual({ name: 'Enter a name' });
    const sale = SaleCreateInputSchema.safeParse({
      items: [{ name: 'Tea', quantity: 0, unitPrice: 100 }],
      paidAmount: 50,
    });
    expect(sale.success || zodFieldErrors(sale.error)).toEqual({
      'items.0.quantity': 'Must be more than zero',
    });
  });
});
