import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseQuantity, quantityToInput } from './quantity.ts';

const read = (text: string, locale?: string) => {
  const result = parseQuantity(text, { locale });
  return result.ok ? result.quantity : result.code;
};

describe('parseQuantity', () => {
  it('reads whole and decimal quantities', () => {
    expect(read('2')).toBe(2);
    expect(read(' 12 ')).toBe(12);
    expect(read('1.5')).toBe(1.5);
    expect(read('.25')).toBe(0.25);
    expect(read('0.125')).toBe(0.125);
    expect(read('0')).toBe(0);
  });

  it('reads a comma as the locale reads it, as parseAmount does', () => {
    // A decimal comma where the locale writes one.
    expect(read('1,5', 'es')).toBe(1.5);
    expect(read('1,5', 'fr')).toBe(1.5);
    expect(read('1,500', 'fr')).toBe(1.5);
    expect(read('1.500', 'es')).toBe(1500);
    expect(read('1.500,25', 'es')).toBe(1500.25);
    // A grouping comma where the locale groups with it: never quietly 1.5.
    expect(read('1,500', 'en-KE')).toBe(1500);
    expect(read('1,500', 'sw')).toBe(1500);
    expect(read('1,00,000', 'hi-IN')).toBe(100_000);
    expect(read('1,5', 'en-KE')).toBe('useDecimalMark');
    expect(read('1.5', 'es')).toBe('useDecimalMark');
    expect(read('1.5', 'sw')).toBe(1.5);
    expect(read('1 000', 'fr')).toBe(1000);
  });

  it('asks rather than guesses what the locale leaves open', () => {
    expect(read('1.500', 'fr')).toBe('unclear');
    expect(read('1,500')).toBe('unclear');
    expect(read('1234.500')).toBe(1234.5);
    const result = parseQuantity('1.500', { locale: 'fr' });
    expect(result).toMatchObject({ params: { whole: '1500', rounded: '1,5' } });
  });

  it('refuses what is not a quantity, each with its reason', () => {
    expect(read('')).toBe('empty');
    expect(read('  ')).toBe('empty');
    expect(read('-2')).toBe('negative');
    expect(read('2kg')).toBe('notDigits');
    expect(read('1.2345')).toBe('tooManyDecimals');
    expect(read('2.')).toBe('unfinished');
    expect(read('1,2,3', 'en-KE')).toBe('badGroups');
    expect(read('1.2.3,4', 'es')).toBe('badGroups');
  });

  it('reads back a quantity formatted in any of the shop locales (property)', () => {
    const locales = ['en-KE', 'en-IN', 'sw', 'hi-IN', 'ur', 'fr', 'es'];
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000_000 }),
        fc.constantFrom(...locales),
        (thousandths, locale) => {
          const quantity = thousandths / 1000;
          const text = new Intl.NumberFormat(locale, { maximumFractionDigits: 3 }).format(quantity);
          expect(read(text, locale)).toBe(quantity);
        },
      ),
    );
  });
});

describe('quantityToInput', () => {
  it('writes a stored quantity so that its locale reads it back', () => {
    expect(quantityToInput(1.5, 'es')).toBe('1,5');
    expect(quantityToInput(1.5, 'en-KE')).toBe('1.5');
    expect(quantityToInput(1500, 'es')).toBe('1500');
    for (const locale of ['en-KE', 'sw', 'hi-IN', 'ur', 'fr', 'es']) {
      for (const quantity of [2, 1.5, 0.125, 1500, 1234.5]) {
        expect(read(quantityToInput(quantity, locale), locale)).toBe(quantity);
      }
    }
  });
});
