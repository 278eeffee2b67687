import { describe, expect, it } from 'vitest';
import { changedFields } from './changes';

describe('changedFields', () => {
  it('keeps only the fields whose value changed', () => {
    const before = { amount: 1500, note: 'rice', dueDate: null };
    expect(changedFields(before, { amount: 2000, note: 'rice', dueDate: null })).toEqual({ amount: 2000 });
  });

  it('treats a missing value and null alike, and compares items by content', () => {
    const items = [{ name: 'Soap', quantity: 2, unitPrice: 150 }];
    expect(
      changedFields({ note: undefined, items }, { note: null, items: items.map((i) => ({ ...i })) }),
    ).toEqual({});
    const reordered = [{ unitPrice: 150, quantity: 2, name: 'Soap' }];
    expect(changedFields({ items }, { items: reordered })).toEqual({});
    expect(changedFields({ items }, { items: [...items, ...items] })).toHaveProperty('items');
    expect(changedFields({ items }, { items: [{ ...items[0], quantity: 3 }] })).toEqual({
      items: [{ name: 'Soap', quantity: 3, unitPrice: 150 }],
    });
  });
});
