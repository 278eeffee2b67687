import { describe, expect, it } from 'vitest';
import { amountCeiling, needsLargest, unusualAmount } from './amount-sense.ts';

describe('amounts worth a second question', () => {
  it('asks above 100 times the largest entry so far, and not at or under it', () => {
    expect(unusualAmount(100_001, 1_000, 'KES')).toBe('unusual');
    expect(unusualAmount(100_000, 1_000, 'KES')).toBeNull();
    expect(unusualAmount(5_000_000, null, 'KES')).toBeNull();
    expect(unusualAmount(5_000_000, 0, 'KES')).toBeNull();
  });

  it('asks above the ceiling of a billion whole units even in an empty book, in the currency’s minor units', () => {
    expect(amountCeiling('KES')).toBe(100_000_000_000);
    expect(amountCeiling('JPY')).toBe(1_000_000_000);
    expect(unusualAmount(9_999_999_999_900, null, 'KES')).toBe('ceiling');
    expect(unusualAmount(100_000_000_000, null, 'KES')).toBeNull();
    expect(unusualAmount(1_000_000_001, null, 'JPY')).toBe('ceiling');
  });

  it('reads the book only for amounts over 100 whole units', () => {
    expect(needsLargest(10_000, 'KES')).toBe(false);
    expect(needsLargest(10_001, 'KES')).toBe(true);
    expect(needsLargest(101, 'JPY')).toBe(true);
  });
});
