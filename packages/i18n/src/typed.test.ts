import { describe, expect, it } from 'vitest';
import { translator } from './translator.ts';

// These lines are checked by `tsc` (the package's typecheck): each @ts-expect-error must be an error.
describe('typed keys and arguments', () => {
  it('compile for right keys and arguments only', () => {
    const t = translator('en', { onError: () => undefined });
    expect(t('today.customersOwing', { count: 3 })).toBe('3 customers owe you');
    // @ts-expect-error a key that is not in the catalogue
    expect(t('today.noSuchKey')).toBe('today.noSuchKey');
    // @ts-expect-error a plural's count must be a number
    t('today.customersOwing', { count: 'three' });
    // @ts-expect-error a missing argument
    t('balance.owes');
    // @ts-expect-error a misspelt argument
    t('balance.owes', { amout: 'KES 1,500.00' });
    expect(t('balance.owes', { amount: 'KES 1,500.00' })).toBe('Owes KES 1,500.00');
  });
});
