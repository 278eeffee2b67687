import { afterAll, describe, expect, it } from 'vitest';
import { formatter, translator } from './translator.ts';

// Hermes' `Intl` has Collator, NumberFormat, DateTimeFormat and getCanonicalLocales, but neither
// PluralRules nor RelativeTimeFormat: take those two away, as on the phone, and load the phone's file.
const native = { PluralRules: Intl.PluralRules, RelativeTimeFormat: Intl.RelativeTimeFormat };
const intl = Intl as unknown as Record<string, unknown>;
delete intl.PluralRules;
delete intl.RelativeTimeFormat;
afterAll(() => Object.assign(Intl, native));

describe('the native polyfills, on an Intl shaped like Hermes', () => {
  it('put back plurals and relative times in the six languages', async () => {
    const errors: string[] = [];
    const before = translator('en', { onError: (e) => errors.push(e.message) });
    expect(before('today.customersOwing', { count: 3 })).toBe('today.customersOwing');
    expect(errors.join()).toMatch(/Intl.PluralRules is not available/);
    await import('./polyfill.native.ts');
    expect(Intl.PluralRules).toBeDefined();
    expect(Intl.PluralRules).not.toBe(native.PluralRules);
    const owing = (locale: 'en' | 'ur' | 'hi' | 'fr', count: number) =>
      translator(locale)('today.customersOwing', { count });
    expect([owing('en', 1), owing('en', 3)]).toEqual(['1 customer owes you', '3 customers owe you']);
    expect(owing('ur', 1)).toBe('1 گاہک پر ادھار باقی ہے');
    expect(owing('ur', 3)).toBe('3 گاہکوں پر ادھار باقی ہے');
    // Hindi and French count 0 as "one"; the =0 branch comes first in ICU.
    expect(new Intl.PluralRules('hi').select(0)).toBe('one');
    expect(new Intl.PluralRules('fr').select(1.5)).toBe('one');
    const now = new Date('2026-12-10T12:00:00Z');
    const ago = new Date('2026-12-07T12:00:00Z');
    expect(formatter('sw', { now, timeZone: 'UTC' }).relativeTime(ago, now)).toBe('siku 3 zilizopita');
    expect(formatter('fr', { now, timeZone: 'UTC' }).relativeTime(ago, now)).toBe('il y a 3 jours');
  });
});
