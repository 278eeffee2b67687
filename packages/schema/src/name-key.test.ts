import { describe, expect, it } from 'vitest';
import { nameSortKey } from './name-key.ts';

const byKey = (names: string[]) =>
  [...names].sort((a, b) => {
    const [x, y] = [nameSortKey(a), nameSortKey(b)];
    return x < y ? -1 : x > y ? 1 : a < b ? -1 : a > b ? 1 : 0;
  });

describe('nameSortKey', () => {
  it('orders names as the root collation does, where a code-point sort does not', () => {
    const names = ['Zoe', 'zeta', 'Émile', 'Ella', 'ñandú', 'Nora', 'Éric', 'eve', 'Ärla', 'ﬁona', 'İlker'];
    const root = [...names].sort(new Intl.Collator('und', { sensitivity: 'base' }).compare);
    expect(byKey(names)).toEqual(root);
    expect([...names].sort()).not.toEqual(root);
  });

  it('keeps Devanagari and Arabic-script names in their script’s order', () => {
    expect(byKey(['गीता', '\u0959ुशी', 'कमला', 'अमित'])).toEqual(['अमित', 'कमला', '\u0959ुशी', 'गीता']);
    expect(byKey(['ثنا', 'تنویر', 'بلال'])).toEqual(['بلال', 'تنویر', 'ثنا']);
  });
});
