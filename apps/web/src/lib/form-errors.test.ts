import { CustomerCreateInputSchema, SaleCreateInputSchema } from '@storesync/schema';
import { describe, expect, it } from 'vitest';
import { serverFieldErrors, zodFieldErrors } from './form-errors';

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

describe('serverFieldErrors', () => {
  it('puts messages naming a field next to it and the rest in the form', () => {
    expect(serverFieldErrors('name: Too big; phone: Too long', ['name', 'phone'])).toEqual({
      name: 'Too big',
      phone: 'Too long',
    });
    expect(serverFieldErrors('payload.amount: is required', ['amount'])).toEqual({ amount: 'is required' });
    expect(serverFieldErrors('items.1.name: Enter an item', ['items'])).toEqual({
      'items.1.name': 'Enter an item',
    });
    expect(serverFieldErrors('No such customer', ['name'])).toEqual({ '': 'No such customer' });
  });
});
