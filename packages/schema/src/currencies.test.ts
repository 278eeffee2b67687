import { describe, expect, it } from 'vitest';
import { CURRENCIES, CurrencySchema, isCurrencyInUse } from './currencies.ts';
import { EntityFieldSchemas, SETTINGS_ID } from './entities.ts';
import { UuidSchema } from './primitives.ts';

describe('currencies in use', () => {
  it('refuses retired codes that Intl still lists', () => {
    for (const retired of ['HRK', 'ZWL', 'ANG', 'BGN', 'SLL', 'CUC']) {
      expect(Intl.supportedValuesOf('currency')).toContain(retired);
      expect(isCurrencyInUse(retired)).toBe(false);
    }
  });

  it('takes the currencies shops use, and only upper-case codes', () => {
    for (const code of ['KES', 'USD', 'EUR', 'UGX', 'TZS', 'NGN', 'JPY'])
      expect(isCurrencyInUse(code)).toBe(true);
    expect(CurrencySchema.safeParse('kes').success).toBe(false);
    expect(CurrencySchema.safeParse('XXX').success).toBe(false);
  });

  it('lists each code once, each one a currency the engine can format', () => {
    expect(new Set(CURRENCIES).size).toBe(CURRENCIES.length);
    for (const code of CURRENCIES) {
      expect(code).toMatch(/^[A-Z]{3}$/);
      expect(() => new Intl.NumberFormat('en', { style: 'currency', currency: code })).not.toThrow();
    }
  });
});

describe('settings entity', () => {
  it('has one well-known id, a valid UUID', () => {
    expect(UuidSchema.parse(SETTINGS_ID)).toBe(SETTINGS_ID);
  });

  it('takes a currency in use and a shop name, and refuses a retired currency', () => {
    const s = EntityFieldSchemas.settings.partial();
    expect(s.parse({ currency: 'KES', shopName: 'Duka la Amina' })).toEqual({
      currency: 'KES',
      shopName: 'Duka la Amina',
    });
    expect(s.safeParse({ currency: 'HRK', shopName: null }).success).toBe(false);
    expect(s.safeParse({ currency: null, shopName: 'x'.repeat(201) }).success).toBe(false);
  });
});
