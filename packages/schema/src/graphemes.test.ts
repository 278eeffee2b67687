import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitsLength, graphemeLength, graphemes, graphemesByRules } from './graphemes.ts';
import { text } from './primitives.ts';

const farmer = '👩🏽‍🌾';
const family = '👨‍👩‍👧‍👦';

describe('text length as people count it', () => {
  it('counts an emoji, a flag and a letter with its accent as one character each', () => {
    expect(graphemeLength(farmer)).toBe(1);
    expect(graphemeLength(family)).toBe(1);
    expect(graphemeLength('🇰🇪🇵🇰')).toBe(2);
    expect(graphemeLength('e\u0301')).toBe(1);
    expect(graphemeLength('Amina')).toBe(5);
    expect(graphemes(`a${farmer}b`)).toEqual(['a', farmer, 'b']);
  });

  it('the fallback (Hermes has no Intl.Segmenter) reads emoji, flags and accents the same', () => {
    for (const s of [farmer, family, '🇰🇪🇵🇰', 'e\u0301', '❤️‍🔥', `Duka ${farmer}`]) {
      expect(graphemesByRules(s)).toEqual(graphemes(s));
    }
  });

  it('the fallback never counts fewer characters than Intl.Segmenter: what the phone accepts, the server does', () => {
    const pieces = fc.constantFrom(
      'a',
      'é',
      'e\u0301',
      '\u0001',
      '\u200d',
      '\ufe0f',
      '🏽',
      '🇰',
      '🇪',
      '👩',
      '🌾',
      '❤',
      'ह',
      'ि',
      '्',
      'ب',
      '\r',
      '\n',
      '한',
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 12 }), (parts) => {
        const s = parts.join('');
        expect(graphemesByRules(s).length).toBeGreaterThanOrEqual(graphemes(s).length);
        expect(graphemesByRules(s).join('')).toBe(s);
      }),
    );
  });

  it('a limit of 200 takes 199 letters and an emoji whole, and refuses 201 characters rather than cutting them', () => {
    const name = `${'a'.repeat(199)}${farmer}`;
    expect(name.length).toBe(206);
    expect(text(1, 200).safeParse(name).success).toBe(true);
    const over = text(1, 200).safeParse(`${'a'.repeat(200)}${farmer}`);
    expect(over.success).toBe(false);
    expect(over.error?.issues[0]).toMatchObject({ code: 'too_big', maximum: 200 });
    expect(text(1, 200).safeParse('a'.repeat(300)).success).toBe(false);
  });

  it('bounds the code units too: marks stacked on one letter are not one character without end', () => {
    const zalgo = `a${'\u0301'.repeat(5000)}`;
    expect(graphemeLength(zalgo)).toBe(1);
    expect(fitsLength(zalgo, 200)).toBe(false);
    expect(fitsLength(`${family.repeat(200)}`, 200)).toBe(true);
  });
});
