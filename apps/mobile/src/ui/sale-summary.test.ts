import { saleSummary } from './sale-summary';

const item = (name: string, quantity = 1) => ({ name, quantity, unitPrice: 100 });

describe('saleSummary', () => {
  it('names each item, with its quantity when more than one', () => {
    expect(saleSummary([item('bread', 2), item('milk')], 'en')).toBe('bread ×2, milk');
  });

  it('counts the items that do not fit in a line', () => {
    const items = ['bread', 'milk', 'sugar 1 kg', 'cooking oil', 'matches', 'soap'].map((n) => item(n));
    const text = saleSummary(items, 'en');
    expect(text).toBe('bread, milk, sugar 1 kg +3 more');
    expect(saleSummary(items, 'en', 60)).toBe('bread, milk, sugar 1 kg, cooking oil, matches, soap');
  });

  it('cuts a first name too long alone, and never splits an emoji', () => {
    const long = `${'🍞'.repeat(30)} loaf`;
    const text = saleSummary([item(long), item('milk')], 'en');
    expect(text).toMatch(/^(🍞)+… \+1 more$/u);
    expect(text).not.toMatch(/\uD83C(?![\uDF5E])/);
    expect(saleSummary([item('x'.repeat(60))], 'en')).toBe(`${'x'.repeat(39)}…`);
  });

  it("writes the locale's numbers and separators", () => {
    expect(saleSummary([item('riz', 1.5), item('lait')], 'fr')).toBe('riz ×1,5, lait');
    expect(saleSummary([item('چینی', 2), item('دودھ')], 'ur')).toBe('چینی ×2، دودھ');
    expect(
      saleSummary(
        [
          item('mkate', 2),
          ...['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l'].map((n) =>
            item(`${n}${n}${n}${n}`),
          ),
        ],
        'sw',
      ),
    ).toMatch(/ na \d+ zaidi$/);
  });
});
