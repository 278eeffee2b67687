import { describe, expect, it } from 'vitest';
import { searchFold } from './search-fold.ts';

describe('searchFold', () => {
  it('looks through case, accents, Arabic short vowels and the nukta, and keeps every letter', () => {
    expect(searchFold('Émile Ñandú Çelik')).toBe('emile nandu celik');
    expect(searchFold('فَاطِمة')).toBe('فاطمة');
    expect(searchFold('ख़ान')).toBe(searchFold('खान'));
    // Devanagari vowel signs are letters' parts people type: kept.
    expect(searchFold('अमित')).toBe('अमित');
    expect(searchFold('ﬁsh')).toBe('fish');
  });
});
