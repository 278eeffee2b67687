import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changedFields, sameValue } from './changes.ts';

const soap = { name: 'Soap', quantity: 2, unitPrice: 150 };

describe('changedFields', () => {
  it('keeps only the fields whose value changed', () => {
    const before = { amount: 1500, note: 'rice', dueDate: null };
    expect(changedFields(before, { amount: 2000, note: 'rice', dueDate: null })).toEqual({ amount: 2000 });
  });

  it('compares a sale’s items by content, whatever order their keys were written in', () => {
    const reordered = [{ unitPrice: 150, quantity: 2, name: 'Soap' }];
    expect(changedFields({ items: [soap] }, { items: reordered })).toEqual({});
    expect(changedFields({ items: [soap] }, { items: [{ ...soap }] })).toEqual({});
  });

  it('sees an item changed, added, removed or moved', () => {
    const rice = { name: 'Rice', quantity: 1.5, unitPrice: 900 };
    const items = [soap, rice];
    expect(changedFields({ items }, { items: [{ ...soap, quantity: 3 }, rice] })).toEqual({
      items: [{ ...soap, quantity: 3 }, rice],
    });
    expect(changedFields({ items }, { items: [...items, soap] })).toHaveProperty('items');
    expect(changedFields({ items }, { items: [soap] })).toHaveProperty('items');
    expect(changedFields({ items }, { items: [rice, soap] })).toHaveProperty('items');
  });

  it('treats a missing value and null alike, but not null and a value', () => {
    expect(changedFields({ note: undefined }, { note: null })).toEqual({});
    expect(changedFields({}, { note: null, customerId: null })).toEqual({});
    expect(changedFields({ note: null }, { note: '' })).toEqual({ note: '' });
    expect(changedFields({ note: 'rice' }, { note: null })).toEqual({ note: null });
    expect(changedFields({ customerId: null }, { customerId: 'c1' })).toEqual({ customerId: 'c1' });
  });

  it('reads only the fields of the edit, not the rest of the row', () => {
    const row = { id: 'x', amount: 100, updatedAt: '2026-01-01T00:00:00.000Z' };
    expect(changedFields(row, { amount: 100 })).toEqual({});
  });
});

describe('sameValue', () => {
  it('tells an array from an object and 0 from "0"', () => {
    expect(sameValue([], {})).toBe(false);
    expect(sameValue({ 0: 'a' }, ['a'])).toBe(false);
    expect(sameValue(0, '0')).toBe(false);
    expect(sameValue([null], [])).toBe(false);
  });

  it('is independent of key order (property)', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (value) => {
        const reversed = Object.fromEntries(Object.entries(value).reverse());
        expect(sameValue(value, reversed)).toBe(true);
        expect(sameValue(value, JSON.parse(JSON.stringify(value)))).toBe(true);
      }),
    );
  });
});
