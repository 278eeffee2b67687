import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DebtCreateInputSchema } from './inputs.ts';
import { amountMarks, amountToInput, formatMoney, MAX_AMOUNT, minorDigits, parseAmount } from './money.ts';

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

describe('parseAmount with the owner’s locale', () => {
  const read = (text: string, currency: string, locale: string) => {
    const result = parseAmount(text, currency, { locale });
    return result.ok ? result.minor : `${result.code}: ${result.error}`;
  };

  it('reads each locale’s own way of writing an amount', () => {
    const cases: [string, string, string, number][] = [
      ['1,500', 'KES', 'en-KE', 150_000],
      ['1,500', 'INR', 'en-IN', 150_000],
      ['1,00,000', 'INR', 'hi-IN', 10_000_000],
      ['1,500', 'PKR', 'ur-PK', 1500],
      ['1,500', 'KES', 'sw-KE', 150_000],
      ['1.500,50', 'EUR', 'es', 150_050],
      ['1.500,50', 'EUR', 'fr', 150_050],
      ['1\u202f500,50', 'EUR', 'fr', 150_050],
      ['1 500', 'XOF', 'fr-SN', 1500],
      ['1.500', 'EUR', 'es', 150_000],
      ['1.500.000', 'EUR', 'es-ES', 150_000_000],
      ['1,5', 'EUR', 'es', 150],
      ['1,5', 'EUR', 'fr', 150],
      ['12,50', 'EUR', 'fr', 1250],
      ['1,500', 'JPY', 'es', 1500],
      ['1,500.50', 'KES', 'en-KE', 150_050],
      ['12.5', 'KES', 'en-KE', 1250],
    ];
    for (const [text, currency, locale, minor] of cases)
      expect(read(text, currency, locale), `${text} ${currency} ${locale}`).toBe(minor);
  });

  it('asks, with both readings, where a locale’s decimal mark could still be a thousands group', () => {
    // In es and fr the comma is the decimal mark: 1,500 is 1.50 there, or 1500 written the English way.
    expect(read('1,500', 'EUR', 'es')).toBe(
      'unclear: Unclear: 1,500 could mean 1500 or 1,50. Write 1500 without separators, or use at most 2 decimals',
    );
    expect(read('1,500', 'XOF', 'fr-SN')).toBe(1500);
    expect(read('1.500', 'KES', 'en-KE')).toMatch(/^unclear: .*1500 or 1\.50/);
    // A dot in French (whose groups are spaces) is neither of its marks: as without a locale.
    expect(read('1.500', 'EUR', 'fr')).toMatch(/^unclear: /);
  });

  it('refuses, never guesses, a decimal point of another convention', () => {
    // Without a locale "1,5" is read as 1.5; on a phone set to English (Kenya) the comma groups.
    expect(parseAmount('1,5', 'KES')).toEqual({ ok: true, minor: 150 });
    expect(read('1,5', 'KES', 'en-KE')).toBe('useDecimalMark: Use “.” for the decimals, e.g. 1.5');
    expect(read('12,50', 'INR', 'hi-IN')).toBe('useDecimalMark: Use “.” for the decimals, e.g. 12.50');
    expect(read('1.5', 'EUR', 'es')).toBe('useDecimalMark: Use “,” for the decimals, e.g. 1,5');
    expect(read('1,2,3', 'KES', 'en-KE')).toBe(
      'badGroups: Check the separators: digits are grouped by three, e.g. 1,234,567',
    );
    expect(read('1.2.3', 'EUR', 'es')).toBe(
      'badGroups: Check the separators: digits are grouped by three, e.g. 1.234.567',
    );
  });

  it('gives each refusal a code and parameters for the catalogue, in the locale’s marks', () => {
    expect(parseAmount('abc', 'EUR', { locale: 'fr' })).toMatchObject({
      code: 'notDigits',
      params: { example: '12,50' },
    });
    expect(parseAmount('12,345', 'EUR', { locale: 'es' })).toMatchObject({
      code: 'unclear',
      params: { text: '12,345', whole: '12345', rounded: '12,35', digits: 2 },
    });
    expect(parseAmount('1,234', 'USD')).toMatchObject({ code: 'unclear', params: { rounded: '1.23' } });
    expect(parseAmount('0', 'USD')).toMatchObject({ code: 'zero', params: {} });
    expect(parseAmount('99999999999999', 'INR', { locale: 'hi-IN' })).toMatchObject({
      code: 'tooLarge',
      params: { max: '₹99,99,99,99,999.99' },
    });
  });

  it('learns the marks from Intl, also where formatToParts is missing (Hermes on iOS)', () => {
    const locales = ['en-KE', 'hi-IN', 'es', 'fr', 'de-CH', 'ur-PK'];
    const withParts = locales.map(amountMarks);
    const original = Intl.NumberFormat.prototype.formatToParts;
    try {
      // @ts-expect-error taking the method away, as on Hermes for iOS
      delete Intl.NumberFormat.prototype.formatToParts;
      expect(locales.map(amountMarks)).toEqual(withParts);
    } finally {
      Intl.NumberFormat.prototype.formatToParts = original;
    }
    expect(withParts).toEqual([
      { decimal: '.', group: ',' },
      { decimal: '.', group: ',' },
      { decimal: ',', group: '.' },
      { decimal: ',', group: null },
      { decimal: '.', group: null },
      { decimal: '.', group: ',' },
    ]);
  });

  it('reads back what each of the six locales shows, in every store currency', () => {
    const locales = ['en-KE', 'en-IN', 'sw-KE', 'hi-IN', 'ur-PK', 'fr-SN', 'fr-FR', 'es-ES', 'es-PE'];
    const currencies = ['KES', 'INR', 'PKR', 'XOF', 'EUR', 'USD', 'JPY'];
    fc.assert(
      fc.property(
        fc.constantFrom(...locales),
        fc.constantFrom(...currencies),
        fc.oneof(fc.integer({ min: 1, max: 99_999 }), fc.integer({ min: 1, max: MAX_AMOUNT })),
        fc.boolean(),
        (locale, currency, minor, grouped) => {
          const digits = minorDigits(currency);
          const shown = new Intl.NumberFormat(locale, {
            minimumFractionDigits: digits,
            maximumFractionDigits: digits,
            useGrouping: grouped,
          }).format(minor / 10 ** digits);
          expect(parseAmount(shown, currency, { locale }), `${shown} (${locale}, ${currency})`).toEqual(
            ok(minor),
          );
        },
      ),
      { numRuns: 3000 },
    );
  });
});
