import { describe, expect, it } from 'vitest';
import { isCurrencyInUse } from './currencies.ts';
import { defaultCurrency } from './suggested-currency.ts';

describe('defaultCurrency', () => {
  it('takes the currency of the first locale with a known region', () => {
    expect(defaultCurrency(['en-KE'])).toBe('KES');
    expect(defaultCurrency(['fr-FR'])).toBe('EUR');
    expect(defaultCurrency(['ja'])).toBe('JPY');
    expect(defaultCurrency(['xx', 'sw-TZ'])).toBe('TZS');
    expect(defaultCurrency([])).toBe('USD');
  });

  it('suggests only a currency the store can be set to, for every region', () => {
    const regions = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
    for (const a of regions)
      for (const b of regions) expect(isCurrencyInUse(defaultCurrency([`en-${a}${b}`]))).toBe(true);
  });
});
