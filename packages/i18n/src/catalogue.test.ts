import {
  isStructurallySame,
  type MessageFormatElement,
  parse,
  TYPE,
} from '@formatjs/icu-messageformat-parser';
import { type AmountErrorCode, REJECT_CODES, type RejectCode } from '@storesync/schema';
import { describe, expect, it } from 'vitest';
import type { Messages } from './catalogue.ts';
import { en } from './locales/en.ts';
import { LOCALE_CODES, LOCALES, matchLocale } from './locales.ts';
import { PSEUDO_LOCALE, pseudoCatalogue, visible } from './pseudo.ts';
import { translator } from './translator.ts';

// A reject code without a message fails `tsc` here, before any test runs.
const _everyCode: Record<RejectCode, string> = en.errors;
// Likewise every reason `parseAmount` gives.
const _everyAmountCode: Record<AmountErrorCode, string> = en.amount;

type Tree = { readonly [key: string]: string | Tree };

/** Every message of a catalogue by its dotted key. */
function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    if (typeof v === 'string') out.set(prefix + k, v);
    else for (const [kk, vv] of flatten(v, `${prefix + k}.`)) out.set(kk, vv);
  }
  return out;
}

/** Argument values that reach every branch: each select option, plurals at 0, 1, 2, 3, 5 and 21. */
function sampleArgs(ast: readonly MessageFormatElement[]): Record<string, unknown>[] {
  let samples: Record<string, unknown>[] = [{}];
  const widen = (name: string, values: unknown[]) => {
    samples = samples.flatMap((s) => (name in s ? [s] : values.map((v) => ({ ...s, [name]: v }))));
  };
  for (const el of ast) {
    if (el.type === TYPE.plural) widen(el.value, [0, 1, 2, 3, 5, 21]);
    else if (el.type === TYPE.select) widen(el.value, Object.keys(el.options));
    else if (el.type === TYPE.number) widen(el.value, [1234.5]);
    else if (el.type === TYPE.date || el.type === TYPE.time) widen(el.value, [new Date(0)]);
    else if (el.type === TYPE.argument) widen(el.value, ['‹x›']);
    if (el.type === TYPE.plural || el.type === TYPE.select)
      for (const option of Object.values(el.options))
        for (const extra of sampleArgs(option.value)) samples = samples.map((s) => ({ ...extra, ...s }));
  }
  return samples;
}

const source = flatten(en);

/** The words of a message outside its arguments (a message like `{title}, {when}` has none). */
function literalText(ast: readonly MessageFormatElement[]): string {
  return ast
    .map((el) =>
      el.type === TYPE.literal
        ? el.value
        : el.type === TYPE.plural || el.type === TYPE.select
          ? Object.values(el.options)
              .map((o) => literalText(o.value))
              .join(' ')
          : '',
    )
    .join('');
}
const hasWords = (text: string) => /\p{L}/u.test(literalText(parse(text)));

describe.each(LOCALE_CODES)('the %s catalogue', (code) => {
  const messages = flatten(LOCALES[code].messages);

  it('has every key of English and no other', () => {
    expect([...messages.keys()].sort()).toEqual([...source.keys()].sort());
  });

  it('has the same ICU arguments as English in every message, and no empty text', () => {
    for (const [key, text] of messages) {
      expect(text.trim(), key).not.toBe('');
      const same = isStructurallySame(parse(source.get(key) ?? ''), parse(text));
      expect(same.error?.message, `${code} ${key}`).toBeUndefined();
      expect(same.success, `${code} ${key}`).toBe(true);
    }
  });

  it('formats every message, every branch, without an error', () => {
    const errors: string[] = [];
    const t = translator(code, { timeZone: 'UTC', onError: (e) => errors.push(e.message) });
    for (const [key, text] of source) {
      for (const args of sampleArgs(parse(text))) {
        const out = (t as (k: string, a: unknown) => string)(key, args);
        expect(out.trim(), `${code} ${key} ${JSON.stringify(args)}`).not.toBe('');
      }
    }
    expect(errors).toEqual([]);
  });

  it.skipIf(code === 'en')('is a translation, not a copy of English', () => {
    const copied = [...messages]
      .filter(([key, text]) => text === source.get(key) && hasWords(text))
      .map(([key]) => key);
    // Words that are the same in the language (an 'OK', a currency code) are few.
    expect(copied.length, copied.join(', ')).toBeLessThanOrEqual(3);
  });
});

describe('script and direction', () => {
  const letters = (code: 'hi' | 'ur', re: RegExp) =>
    [...flatten(LOCALES[code].messages)]
      .filter(([, text]) => hasWords(text) && !re.test(literalText(parse(text))))
      .map(([k]) => k);

  it('writes Hindi in Devanagari and Urdu in Arabic script', () => {
    expect(letters('hi', /\p{Script=Devanagari}/u)).toEqual([]);
    expect(letters('ur', /\p{Script=Arabic}/u)).toEqual([]);
  });

  it('marks only Urdu right-to-left', () => {
    expect(LOCALE_CODES.filter((c) => LOCALES[c].dir === 'rtl')).toEqual(['ur']);
  });
});

describe('plurals in each language', () => {
  it('say one and many as the language does', () => {
    const line = (code: (typeof LOCALE_CODES)[number], count: number) =>
      translator(code)('today.customersOwing', { count });
    expect([1, 3].map((n) => line('en', n))).toEqual(['1 customer owes you', '3 customers owe you']);
    // French counts 0 and 1 as singular; Hindi too (0 and 1 are "one").
    expect(new Intl.PluralRules('fr').select(0)).toBe('one');
    for (const code of LOCALE_CODES) expect(line(code, 1)).not.toBe(line(code, 3));
    expect(translator('hi')('customers.count', { count: 1500 })).toContain('1,500');
  });
});

describe('the server’s reject codes', () => {
  it('each have a message', () => {
    expect(REJECT_CODES.filter((code) => !(code in _everyCode))).toEqual([]);
    expect(Object.keys(_everyAmountCode)).toContain('useDecimalMark');
  });
});

describe('matchLocale', () => {
  it('takes the first of the user’s languages that we have, by language', () => {
    expect(matchLocale(['ur-PK', 'en-US'])).toBe('ur');
    expect(matchLocale(['de-DE', 'fr-SN'])).toBe('fr');
    expect(matchLocale(['sw_KE'])).toBe('sw');
    expect(matchLocale(['de', 'ja'])).toBe('en');
    expect(matchLocale([])).toBe('en');
  });
});

describe('the pseudo-locale', () => {
  const pseudo = flatten(pseudoCatalogue(en as Messages) as unknown as Tree);

  it('is generated from English: accented, bracketed, ~40 % longer, same arguments', () => {
    expect([...pseudo.keys()]).toEqual([...source.keys()]);
    for (const [key, text] of pseudo) {
      const english = source.get(key) ?? '';
      expect(text, key).toMatch(/^\[.*\]$/s);
      // The padding counts as text a reader sees; the brackets too.
      const longer = (visible(parse(text)) + 2) / visible(parse(english));
      expect(longer, key).toBeGreaterThanOrEqual(1.35);
      expect(isStructurallySame(parse(english), parse(text)).success, key).toBe(true);
    }
  });

  it('formats with its arguments, and shows no plain English', () => {
    const t = translator(PSEUDO_LOCALE);
    const line = t('today.customersOwing', { count: 3 });
    expect(line).toMatch(/^\[3 çúšţóɱéŕš óŵé ýóú ~+\]$/);
    expect(t('balance.owes', { amount: 'KES 1,500.00' })).toContain('KES 1,500.00');
  });
});
