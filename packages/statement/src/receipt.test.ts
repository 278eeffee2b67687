import { LOCALE_CODES, translator } from '@storesync/i18n';
import { formatMoney } from '@storesync/schema';
import { describe, expect, it } from 'vitest';
import { receiptHtml, receiptNumber } from './receipt.ts';

const sale = {
  id: '01a2512c-789f-7cad-92ea-e45dbedbbd94',
  soldAt: '2026-11-10T09:30:00.000Z',
  items: [
    { name: 'Sugar & "tea"', quantity: 2, unitPrice: 15_000 },
    { name: 'Rice 1kg', quantity: 1.5, unitPrice: 20_001 },
  ],
  total: 60_002,
  paidAmount: 10_000,
  note: '<b>paid the rest Friday</b>',
};
const page = {
  sale,
  shopName: 'Duka la Amina',
  customerName: 'Farah',
  owedNow: 125_000,
  currency: 'PKR',
  timeZone: 'Asia/Karachi',
};
/** An amount as the page's text shows it (text() folds its no-break space). */
const m = (minor: number, currency: string, locale: string) =>
  formatMoney(minor, currency, locale).replace(/\s+/g, ' ');
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('a sale’s receipt', () => {
  it('lists each line, the total, what was paid, what is still to pay and what is owed in all', () => {
    const html = receiptHtml({ ...page, locale: 'en' });
    const shown = text(html);
    expect(shown).toContain('Sugar &amp; &quot;tea&quot;');
    expect(shown).toContain(`Rice 1kg 1.5 ${m(20_001, 'PKR', 'en')} ${m(30_002, 'PKR', 'en')}`);
    expect(shown).toContain(`Total ${m(60_002, 'PKR', 'en')}`);
    expect(shown).toContain(`Paid ${m(10_000, 'PKR', 'en')}`);
    expect(shown).toContain(`Still to pay ${m(50_002, 'PKR', 'en')}`);
    expect(shown).toContain(`Owed in all now ${m(125_000, 'PKR', 'en')}`);
    expect(shown).toContain(`No. ${receiptNumber(sale.id)}`);
    // Dated in the phone's zone: 09:30 UTC is 2:30 PM in Karachi.
    expect(shown).toContain('2:30');
    expect(html).toContain('&lt;b&gt;paid the rest Friday&lt;/b&gt;');
    expect(html).not.toContain('<script');
  });

  it('says walk-in for a sale without a customer and leaves out what nobody owes', () => {
    const shown = text(
      receiptHtml({
        ...page,
        customerName: null,
        owedNow: null,
        sale: { ...sale, paidAmount: 60_002 },
        locale: 'en',
      }),
    );
    expect(shown).toContain('Walk-in customer');
    expect(shown).not.toContain('Still to pay');
    expect(shown).not.toContain('Owed in all');
  });

  it('is in the language asked for, Urdu right to left, in every locale from the catalogue', () => {
    expect(receiptHtml({ ...page, locale: 'ur' })).toContain('<html lang="ur" dir="rtl">');
    for (const locale of LOCALE_CODES) {
      const t = translator(locale);
      const shown = text(receiptHtml({ ...page, locale }));
      expect(shown).toContain(t('statement.receipt.title'));
      expect(shown).toContain(t('statement.receipt.toPay'));
    }
  });

  it('is numbered by the random end of the sale’s id, not its clock', () => {
    expect(receiptNumber('01a2512c-789f-7cad-92ea-e45dbedbbd94')).toBe('E45DBEDBBD94'.slice(-8));
  });
});
