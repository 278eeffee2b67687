import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CustomerListInputSchema, SaleCreateInputSchema, SaleListInputSchema } from './inputs.ts';
import { MAX_AMOUNT } from './money.ts';
import {
  DateSchema,
  isStorableText,
  MAX_DATE,
  MAX_TIMESTAMP,
  MIN_DATE,
  MIN_TIMESTAMP,
  MoneySchema,
  TimestampSchema,
  text,
} from './primitives.ts';
import { PushEventSchema } from './wire.ts';

const messageOf = (r: { success: boolean; error?: { issues: { message: string }[] } }) =>
  r.error?.issues.map((i) => i.message).join('; ');

// Any Unicode scalar value but NUL (fast-check's `unit: 'binary'` takes seconds to set up).
const codePoint = fc
  .integer({ min: 1, max: 0x10ffff })
  .filter((c) => c < 0xd800 || c > 0xdfff)
  .map((c) => String.fromCodePoint(c));
const anyText = fc.string({ unit: codePoint });

describe('text', () => {
  const t = text(0, 100_000);

  it('accepts any well-formed string without NUL, emoji and all', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        expect(t.safeParse(s).success).toBe(true);
      }),
    );
    expect(t.safeParse('Amina 👩🏽‍🌾 café 中文').success).toBe(true);
  });

  it('refuses a NUL or a lone surrogate anywhere, saying so in words', () => {
    const poison = fc.constantFrom(
      '\0',
      '\ud800',
      '\udbff',
      '\udc00',
      '\udfff',
      '😀'.slice(0, 1),
      '😀'.slice(1),
    );
    fc.assert(
      fc.property(anyText, poison, anyText, (a, bad, b) => {
        const r = t.safeParse(a + bad + b);
        expect(r.success).toBe(false);
        expect(messageOf(r)).toBe('must not contain NUL characters or broken emoji (lone surrogates)');
      }),
    );
  });

  it('agrees with String#isWellFormed on any mix of UTF-16 code units around the surrogates', () => {
    const unit = fc.integer({ min: 0xd7f0, max: 0xe010 }).map((c) => String.fromCharCode(c));
    const isWellFormed = (s: string) => (s as string & { isWellFormed(): boolean }).isWellFormed();
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 6 }), (s) => {
        expect(isStorableText(s)).toBe(isWellFormed(s));
      }),
      { numRuns: 5000 },
    );
  });
});

describe('TimestampSchema', () => {
  it('accepts every instant in range, normalised to UTC with milliseconds', () => {
    const dates = fc.date({
      min: new Date(MIN_TIMESTAMP),
      max: new Date(MAX_TIMESTAMP),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(dates, (d) => {
        expect(TimestampSchema.parse(d.toISOString())).toBe(d.toISOString());
      }),
    );
    expect(TimestampSchema.parse('2026-01-01T02:00:00+02:00')).toBe('2026-01-01T00:00:00.000Z');
  });

  it('refuses year 0, instants an offset pushes out of range, and impossible days', () => {
    const message = `must be a date between ${MIN_TIMESTAMP} and ${MAX_TIMESTAMP}`;
    for (const s of [
      '0000-01-01T00:00:00.000Z',
      '1969-12-31T23:59:59.999Z',
      '1970-01-01T00:30:00.000+01:00',
      '9999-12-31T00:00:00.000Z',
      '9999-12-30T23:59:59.999-01:00',
    ]) {
      expect(messageOf(TimestampSchema.safeParse(s)), s).toBe(message);
    }
    for (const s of ['2026-02-30T00:00:00Z', '+275760-09-13T00:00:00.000Z', 'not a date', '']) {
      expect(TimestampSchema.safeParse(s).success, s).toBe(false);
    }
  });
});

describe('DateSchema', () => {
  it('takes the same days as timestamps, both ends included', () => {
    expect(DateSchema.safeParse(MIN_DATE).success).toBe(true);
    expect(DateSchema.safeParse(MAX_DATE).success).toBe(true);
    for (const s of ['0000-01-01', '1969-12-31', '9999-12-31', '2023-02-29']) {
      expect(DateSchema.safeParse(s).success, s).toBe(false);
    }
    expect(messageOf(DateSchema.safeParse('0000-01-01'))).toBe(
      `must be a date between ${MIN_DATE} and ${MAX_DATE}`,
    );
  });
});

describe('inputs that reach the database', () => {
  it('refuse what it cannot store', () => {
    expect(CustomerListInputSchema.safeParse({ search: 'a\0' }).success).toBe(false);
    expect(SaleListInputSchema.safeParse({ from: '0000-01-01T00:00:00.000Z' }).success).toBe(false);
    const event = {
      eventUuid: crypto.randomUUID(),
      entity: 'customers',
      entityId: crypto.randomUUID(),
      op: 'upsert',
      clientUpdatedAt: '2026-01-01T00:00:00.000Z',
    };
    expect(PushEventSchema.safeParse({ ...event, updatedFields: ['name\ud800'] }).success).toBe(false);
    expect(PushEventSchema.safeParse({ ...event, clientUpdatedAt: '0000-01-01T00:00:00.000Z' }).success).toBe(
      false,
    );
  });

  it('refuse amounts past what a double holds exactly', () => {
    expect(MoneySchema.safeParse(Number.MAX_SAFE_INTEGER).success).toBe(true);
    for (const n of [2 ** 53, 1e21, 1e308, Number.POSITIVE_INFINITY, Number.NaN, 0.5]) {
      expect(MoneySchema.safeParse(n).success, String(n)).toBe(false);
    }
  });

  it('refuse a sale whose total would not be an exact whole number', () => {
    const item = { name: 'Gold', quantity: 1_000_000, unitPrice: MAX_AMOUNT };
    const r = SaleCreateInputSchema.safeParse({ items: [item], paidAmount: 0 });
    expect(messageOf(r)).toBe('The total is too large');
  });
});
