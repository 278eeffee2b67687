import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { amountToInput, parseAmount } from './money.ts';

describe('amountToInput with a locale', () => {
  it('writes the locale’s decimal mark, so an untouched amount field reads back', () => {
    expect(amountToInput(1250, 'EUR', 'es')).toBe('12,50');
    expect(amountToInput(1250, 'EUR', 'fr')).toBe('12,50');
    expect(amountToInput(1250, 'KES', 'en-KE')).toBe('12.50');
    expect(amountToInput(1250, 'JPY', 'es')).toBe('1250');
    expect(amountToInput(1250, 'EUR')).toBe('12.50');
    // Without its locale, Spanish refuses the field the form itself filled in.
    expect(parseAmount(amountToInput(1250, 'EUR'), 'EUR', { locale: 'es' }).ok).toBe(false);
  });

  it('reads back every amount in every shop locale (property)', () => {
    const locales = ['en-KE', 'en-IN', 'sw', 'hi-IN', 'ur', 'fr', 'es'];
    const currencies = ['KES', 'INR', 'PKR', 'EUR', 'XOF', 'KWD'];
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9_999_999_999_999 }),
        fc.constantFrom(...locales),
        fc.constantFrom(...currencies),
        (minor, locale, currency) => {
          const read = parseAmount(amountToInput(minor, currency, locale), currency, {
            locale,
            allowZero: true,
          });
          expect(read).toEqual({ ok: true, minor });
        },
      ),
    );
  });
});
