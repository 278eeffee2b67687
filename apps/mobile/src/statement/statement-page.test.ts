import { formatMoney } from '@storesync/schema';
import { phoneStatementHtml, statementLocale } from './statement-page';

const entries = {
  debts: [
    {
      id: 'd1',
      customerId: 'c1',
      amount: 90_000,
      createdAt: '2026-11-01T09:00:00.000Z',
      recordedAt: null,
      dueDate: null,
      note: null,
      deletedAt: null,
    },
  ],
  payments: [],
  sales: [],
};

describe('the phone’s statement', () => {
  it('is in the customer’s language, else the store’s, else the phone’s', () => {
    expect(statementLocale('ur', 'sw', 'en')).toBe('ur');
    expect(statementLocale('pt-BR', 'sw-KE', 'en')).toBe('sw');
    expect(statementLocale(null, null, 'hi')).toBe('hi');
  });

  it('is the statement page’s HTML from the phone’s own book: Urdu right to left, what is owed', () => {
    const html = phoneStatementHtml({
      customer: { id: 'c1', name: 'Farah', language: 'ur' },
      entries,
      shopName: 'Duka',
      currency: 'PKR',
      storeLanguage: null,
      phoneLocale: 'en',
    });
    expect(html).toContain('<html lang="ur" dir="rtl">');
    expect(html).toContain(`<strong data-owed>${formatMoney(90_000, 'PKR', 'ur')}</strong>`);
    expect(html).not.toContain('<script');
  });
});
