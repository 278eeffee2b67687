import { LOCALE_CODES } from '@storesync/i18n';
import { buildStatement, formatMoney, type StatementInput } from '@storesync/schema';
import { describe, expect, it } from 'vitest';
import { notFoundHtml, statementHtml } from './render.ts';

const input: StatementInput = {
  debts: [
    {
      id: 'd1',
      customerId: 'c1',
      amount: 125_000,
      createdAt: '2026-11-01T09:00:00.000Z',
      dueDate: '2026-11-15',
      note: '<script>alert(1)</script>',
      deletedAt: null,
    },
  ],
  payments: [
    { id: 'p1', customerId: 'c1', amount: 25_000, paidAt: '2026-11-20T09:00:00.000Z', deletedAt: null },
  ],
  sales: [
    {
      id: 's1',
      customerId: 'c1',
      total: 30_000,
      paidAmount: 10_000,
      soldAt: '2026-11-10T09:00:00.000Z',
      items: [{ name: 'Sugar & "tea"', quantity: 2, unitPrice: 15_000 }],
      deletedAt: null,
    },
  ],
};
const page = (locale: (typeof LOCALE_CODES)[number]) => ({
  statement: buildStatement('c1', input, '2026-12-07'),
  shopName: 'Duka la Amani',
  customerName: 'Amina <b>',
  currency: 'KES',
  locale,
  today: '2026-12-07',
  timeZone: 'Africa/Nairobi',
});

describe('statementHtml', () => {
  it('is a whole document with the owed amount as formatMoney writes it, in every locale, without scripts', () => {
    for (const locale of LOCALE_CODES) {
      const html = statementHtml(page(locale));
      expect(html.startsWith('<!doctype html>')).toBe(true);
      expect(html).toContain(`lang="${locale}" dir="${locale === 'ur' ? 'rtl' : 'ltr'}"`);
      expect(html).toContain(`<strong data-owed>${formatMoney(120_000, 'KES', locale)}</strong>`);
      expect(html).toContain('<meta name="robots" content="noindex, nofollow">');
      expect(html).not.toMatch(/<script|javascript:| on\w+=|style="/i);
      expect(html.match(/<tr>/g)?.length).toBe(4); // the head and three entries
    }
  });

  it('escapes names, notes and items, and shows what is overdue and since when', () => {
    const html = statementHtml(page('en'));
    expect(html).toContain('Statement for Amina &lt;b&gt;');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('Sugar &amp; &quot;tea&quot; × 2');
    expect(html).toContain(`${formatMoney(100_000, 'KES', 'en')} overdue since Nov 15, 2026`);
    expect(html).toContain('Credit taken');
  });

  it('writes the Urdu page in Urdu', () => {
    const html = statementHtml(page('ur'));
    expect(html).toContain('کا کھاتہ');
    expect(html).not.toContain('Statement for');
    // Amounts inside Urdu sentences are isolated, so the currency sign stays on its side.
    expect(html).toContain(`\u2068${formatMoney(100_000, 'KES', 'ur')}\u2069`);
  });

  it('answers a link that shows nothing with one page per language, naming no one', () => {
    expect(notFoundHtml('en')).toContain('This link does not work');
    expect(notFoundHtml('ur')).toContain('dir="rtl"');
  });
});
