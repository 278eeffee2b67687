import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DebtCreateInputSchema } from './inputs.ts';
import { amountToInput, formatMoney, MAX_AMOUNT, minorDigits, parseAmount } from './money.ts';

const ok = (minor: number) => ({ ok: true, minor });
const error = (text: string, currency = 'USD', opts?: { allowZero?: boolean }) => {
  const result = parseAmount(text, currency, opts);
  return result.ok ? `read as ${result.minor}` : result.error;
};

describe('minorDigits', () => {
  it('knows each currency’s decimals', () => {
    expect(['USD', 'KES', 'EUR', 'JPY', 'UGX', 'KWD'].map(minorDigits)).toEqual([2, 2, 2, 0, 0, 3]);
  });
});

describe('formatMoney and amountToInput', () => {
  it('show minor units in the currency', () => {
    expect(formatMoney(123_456, 'USD', 'en-US')).toBe('$1,234.56');
    expect(formatMoney(500, 'JPY', 'en-US')).toBe('¥500');
    expect(amountToInput(1250, 'USD')).toBe('12.50');
    expect(amountToInput(5, 'USD')).toBe('0.05');
    expect(amountToInput(1250, 'JPY')).toBe('1250');
    expect(amountToInput(12_345, 'KWD')).toBe('12.345');
    expect(amountToInput(MAX_AMOUNT, 'USD')).toBe('99999999999.99');
  });
});

describe('parseAmount', () => {
  it('reads the usual ways of writing an amount', () => {
    const cases: [string, string, number][] = [
      ['12', 'USD', 1200],
      ['12.5', 'USD', 1250],
      ['12.50', 'USD', 1250],
      ['12,50', 'EUR', 1250],
      ['.5', 'USD', 50],
      ['1,234.56', 'USD', 123_456],
      ['1.234,56', 'EUR', 123_456],
      ['1 234,56', 'EUR', 123_456],
      ['1\u202f234,56', 'EUR', 123_456],
      ['1’234.56', 'CHF', 123_456],
      ['10 000', 'KES', 1_000_000],
      ['1,234,567', 'USD', 123_456_700],
      ['1,23,456.78', 'INR', 12_345_678],
      ['  7 ', 'USD', 700],
      ['500', 'JPY', 500],
      ['12.345', 'JPY', 12_345],
      ['1,000', 'UGX', 1000],
      ['12.345', 'KWD', 12_345],
    ];
    for (const [text, currency, minor] of cases) expect(parseAmount(text, currency), text).toEqual(ok(minor));
  });

  it('refuses a lone separator before 3 digits in a 2-decimal currency, with both readings', () => {
    expect(error('12.345')).toBe(
      'Unclear: 12.345 could mean 12345 or 12.35. Write 12345 without separators, or use at most 2 decimals',
    );
    expect(error('1,000')).toMatch(/^Unclear: 1,000 could mean 1000 or 1.00\./);
  });

  it('says what is wrong with anything else', () => {
    expect(error('')).toBe('Enter an amount');
    expect(error('   ')).toBe('Enter an amount');
    expect(error('-5')).toBe('Must not be negative');
    expect(error('5.')).toBe('Finish the amount after “.”, or remove it');
    expect(error('5,')).toBe('Finish the amount after “,”, or remove it');
    expect(error('abc')).toBe('Use only digits, e.g. 12.50');
    expect(error('$12')).toBe('Use only digits, e.g. 12.50');
    expect(error('.345')).toBe('Use at most 2 decimals, e.g. 0.35');
    expect(error('12.3456')).toBe('Use at most 2 decimals, e.g. 12.35');
    expect(error('1,234.567')).toBe('Use at most 2 decimals, e.g. 1234.57');
    expect(error('12.5', 'JPY')).toBe('This currency has no decimals: enter a whole amount');
    expect(error('1.2.3')).toBe('Check the separators: digits are grouped by three, e.g. 1,234,567');
    expect(error('1 00')).toBe('Check the separators: digits are grouped by three, e.g. 1,234,567');
    expect(error('1,234.5.6')).toBe('Use “.” only once, for the decimals');
    expect(error('1 234.567,8')).toMatch(/^Check the separators/);
    expect(error('0')).toBe('Must be more than zero');
    expect(error('0', 'USD', { allowZero: true })).toBe('read as 0');
  });

  it('refuses more than the largest amount, saying what it is', () => {
    expect(error('99999999999999')).toBe('More than the largest amount, $99,999,999,999.99');
    expect(error('99999999999.99')).toBe(`read as ${MAX_AMOUNT}`);
    expect(error('100000000000')).toMatch(/^More than the largest amount/);
    expect(error('1'.repeat(40))).toMatch(/^More than the largest amount/);
  });

  it('is capped where the dashboard’s input schemas cap amounts, with the same words', () => {
    const debt = (amount: number) =>
      DebtCreateInputSchema.safeParse({ customerId: crypto.randomUUID(), amount }).error?.issues[0]?.message;
    expect(debt(MAX_AMOUNT)).toBeUndefined();
    expect(debt(MAX_AMOUNT + 1)).toBe('More than the largest amount');
    expect(error(amountToInput(MAX_AMOUNT + 1, 'USD'))).toMatch(/^More than the largest amount/);
  });

  it('gives back what amountToInput wrote, for every currency', () => {
    const currencies = Intl.supportedValuesOf('currency');
    fc.assert(
      fc.property(
        fc.constantFrom(...currencies),
        fc.integer({ min: 0, max: MAX_AMOUNT }),
        (currency, minor) => {
          expect(parseAmount(amountToInput(minor, currency), currency, { allowZero: true })).toEqual(
            ok(minor),
          );
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('reads amounts as locales format them, for every currency', () => {
    const locales = [
      'en-US',
      'en-KE',
      'sw-KE',
      'de-DE',
      'fr-FR',
      'de-CH',
      'en-IN',
      'es-ES',
      'pt-BR',
      'ja-JP',
    ];
    const currencies = Intl.supportedValuesOf('currency');
    fc.assert(
      fc.property(
        fc.constantFrom(...locales),
        fc.constantFrom(...currencies),
        fc.integer({ min: 1, max: MAX_AMOUNT }),
        (locale, currency, minor) => {
          const digits = minorDigits(currency);
          const shown = new Intl.NumberFormat(locale, {
            minimumFractionDigits: digits,
            maximumFractionDigits: digits,
          }).format(minor / 10 ** digits);
          expect(parseAmount(shown, currency), `${shown} (${locale}, ${currency})`).toEqual(ok(minor));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
