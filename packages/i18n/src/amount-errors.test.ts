import { parseAmount } from '@storesync/schema';
import { describe, expect, it } from 'vitest';
import { LOCALE_CODES } from './locales.ts';
import { translator } from './translator.ts';

// parseAmount's refusals carry a code and parameters: each must be a catalogue message whose
// arguments are exactly those parameters, in every locale.
const refusals: [string, string, string | undefined][] = [
  ['', 'KES', undefined],
  ['-5', 'KES', undefined],
  ['abc', 'EUR', 'fr'],
  ['1 234.567,8', 'USD', undefined],
  ['1,234.5.6', 'USD', undefined],
  ['5.', 'USD', undefined],
  ['1,2,3', 'KES', 'en-KE'],
  ['1,5', 'KES', 'en-KE'],
  ['1,500', 'EUR', 'es'],
  ['12.3456', 'USD', undefined],
  ['12.5', 'JPY', undefined],
  ['99999999999999', 'INR', 'hi-IN'],
  ['0', 'USD', undefined],
];

describe('parseAmount’s refusals in the catalogue', () => {
  it.each(LOCALE_CODES)('read in %s with their own parameters', (code) => {
    const errors: string[] = [];
    const t = translator(code, { onError: (e) => errors.push(e.message) }) as unknown as (
      key: string,
      values: Record<string, string | number>,
    ) => string;
    const codes = new Set<string>();
    for (const [text, currency, locale] of refusals) {
      const result = parseAmount(text, currency, { locale });
      if (result.ok) throw new Error(`${text} was read`);
      codes.add(result.code);
      expect(t(`amount.${result.code}`, result.params)).not.toContain('amount.');
    }
    expect(errors).toEqual([]);
    expect(codes.size).toBe(13);
  });

  it('says in English what the parser says', () => {
    const result = parseAmount('1,5', 'KES', { locale: 'en-KE' });
    if (result.ok) throw new Error('read');
    expect(translator('en')(`amount.${result.code}` as 'amount.useDecimalMark', result.params as never)).toBe(
      result.error,
    );
  });
});
