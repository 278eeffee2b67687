import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LOCALE_CODES } from './locales.ts';
import { checkTemplate, defaultReminderTemplate, reminderText, smsUrl, whatsappUrl } from './reminder.ts';

const base = {
  shop: 'Mama Njeri Store',
  amount: 'Ksh 1,250.00',
  link: 'https://shop.example/s/abcDEF123_-xyzXYZ7890ab',
};

describe('reminderText', () => {
  it('fills the catalogue’s message in each language, with the due date when there is one', () => {
    for (const locale of LOCALE_CODES) {
      const text = reminderText({ ...base, locale, dueDate: '12 Dec 2026' });
      expect(text).toContain(base.shop);
      expect(text).toContain(base.amount);
      expect(text).toContain('12 Dec 2026');
      expect(text).toContain(base.link);
      expect(text).not.toMatch(/[{}]/);
    }
    expect(reminderText({ ...base, locale: 'en' })).toBe(
      'Hello from Mama Njeri Store. Your balance with us is Ksh 1,250.00. Your statement: https://shop.example/s/abcDEF123_-xyzXYZ7890ab',
    );
    expect(reminderText({ ...base, locale: 'sw' })).toContain('Deni lako kwetu ni Ksh 1,250.00');
  });

  it('uses the owner’s wording, and the catalogue’s when that wording is broken', () => {
    const own = 'Pay {amount} to {shop} by {dueDate} please {link}';
    expect(reminderText({ ...base, locale: 'en', template: own, dueDate: 'Friday' })).toBe(
      `Pay Ksh 1,250.00 to Mama Njeri Store by Friday please ${base.link}`,
    );
    expect(reminderText({ ...base, locale: 'fr', template: own })).toContain('by dès que possible');
    expect(reminderText({ ...base, locale: 'en', template: 'Pay {amont}' })).toBe(
      reminderText({ ...base, locale: 'en' }),
    );
  });

  it('never leaves a placeholder, whatever the values', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.constantFrom(...LOCALE_CODES), (shop, amount, locale) => {
        const text = reminderText({
          locale,
          shop: shop.replace(/[{}]/g, ''),
          amount: amount.replace(/[{}]/g, ''),
        });
        expect(text).not.toMatch(/\{(shop|amount|dueDate|link)\}/);
      }),
    );
  });
});

describe('checkTemplate', () => {
  it('accepts every catalogue template', () => {
    for (const locale of LOCALE_CODES) {
      expect(checkTemplate(defaultReminderTemplate(locale, true))).toBeNull();
      expect(checkTemplate(defaultReminderTemplate(locale, false))).toBeNull();
    }
  });

  it('names an unknown placeholder, a missing amount, a lone brace, an empty message', () => {
    expect(checkTemplate('You owe {amont} at {shop}')).toEqual({ problem: 'unknown', name: '{amont}' });
    expect(checkTemplate('Hello from {shop}')).toEqual({ problem: 'missing', name: '{amount}' });
    expect(checkTemplate('You owe {amount at {shop}')).toEqual({ problem: 'unclosed' });
    expect(checkTemplate('You owe {amount} } {shop}')).toEqual({ problem: 'unclosed' });
    expect(checkTemplate('   ')).toEqual({ problem: 'empty' });
    expect(checkTemplate('Pay {amount}')).toBeNull();
  });
});

describe('message links', () => {
  it('opens WhatsApp at the number’s digits with the text encoded', () => {
    expect(whatsappUrl('+254712345678', 'Pay Ksh 1,250 & thanks: https://x/s/a?b')).toBe(
      'https://wa.me/254712345678?text=Pay%20Ksh%201%2C250%20%26%20thanks%3A%20https%3A%2F%2Fx%2Fs%2Fa%3Fb',
    );
  });

  it('opens the SMS app with the E.164 number and the body', () => {
    expect(smsUrl('+923001234567', 'بقایا ₨ 500')).toBe(
      `sms:+923001234567?body=${encodeURIComponent('بقایا ₨ 500')}`,
    );
  });
});
