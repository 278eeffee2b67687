import { describe, expect, it } from 'vitest';
import { makeI18n } from './format';

// The dashboard sorts names in the page's language (the sale form's customers, the currency
// list): each language's own alphabet, not the code-point order a plain sort (or SQL's "C"
// collation) gives.
const sorted = (locale: Parameters<typeof makeI18n>[0], names: string[], formatLocale?: string) =>
  [...names].sort(makeI18n(locale, formatLocale).collator.compare);

describe('makeI18n().collator', () => {
  it('puts ñ after n in Spanish', () => {
    const names = ['ñandú', 'Oscar', 'Nubia', 'Nora'];
    expect(sorted('es', names)).toEqual(['Nora', 'Nubia', 'ñandú', 'Oscar']);
    expect([...names].sort()).not.toEqual(sorted('es', names));
  });

  it('follows the Urdu alphabet: ٹ after ت, ڈ after د', () => {
    const names = ['ڈاکٹر', 'ثنا', 'ٹیپو', 'دانش', 'تنویر', 'پروین', 'بلال', 'ذکیہ'];
    expect(sorted('ur', names)).toEqual(['بلال', 'پروین', 'تنویر', 'ٹیپو', 'ثنا', 'دانش', 'ڈاکٹر', 'ذکیہ']);
  });

  it('sorts Hindi names with a nukta letter (ख़) beside its letter, not after ह', () => {
    const names = ['हरीश', '\u0959ुशी', 'गीता', 'अमित', 'कमला', 'आशा'];
    expect(sorted('hi', names)).toEqual(['अमित', 'आशा', 'कमला', '\u0959ुशी', 'गीता', 'हरीश']);
  });

  it('ignores case and accents in French, and reads numbers in names as numbers', () => {
    expect(sorted('fr', ['Zoé', 'émile', 'Ella', 'Éric', 'eve'])).toEqual([
      'Ella',
      'émile',
      'Éric',
      'eve',
      'Zoé',
    ]);
    expect(sorted('en', ['Stall 10', 'stall 9', 'Stall 2'])).toEqual(['Stall 2', 'stall 9', 'Stall 10']);
  });

  it('takes a regional variant’s order: Swedish å ä ö after z', () => {
    expect(sorted('en', ['Örjan', 'Zoe', 'Åsa', 'Ärla', 'Olle'], 'sv-SE')).toEqual([
      'Olle',
      'Zoe',
      'Åsa',
      'Ärla',
      'Örjan',
    ]);
  });
});
