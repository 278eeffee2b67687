import { LOCALE_CODES, translator } from '@storesync/i18n';
import { REFUSAL_REASONS } from '@storesync/schema';
import { describe, expect, it } from 'vitest';
import { type ServerError, serverFieldMessages, serverMessage } from './errors';

// The server's English wording, which the dashboard must never need to read.
const ENGLISH = 'CUSTOMER_HAS_BALANCE: the customer owes 500 (minor units); No such customer';
const refusal = (reason: string, params = {}, code = 'CONFLICT'): ServerError => ({
  message: ENGLISH,
  data: { code, reason, params },
});

describe('serverMessage', () => {
  it.each(LOCALE_CODES)('says each refusal reason as its catalogue message in %s', (locale) => {
    const errors: string[] = [];
    const t = translator(locale, { onError: (e) => errors.push(e.message) });
    const seen = new Set<string>();
    for (const reason of REFUSAL_REASONS) {
      const text = serverMessage(t, locale, refusal(reason, { entity: 'debts' }));
      expect(text, reason).not.toMatch(/errors\.|minor units|No such/);
      expect(text.trim(), reason).not.toBe('');
      seen.add(text);
    }
    expect(errors).toEqual([]);
    expect(seen.size).toBe(REFUSAL_REASONS.length);
  });

  it('fills a reason’s params: the entity of a row no longer in the book', () => {
    const t = translator('fr');
    expect(serverMessage(t, 'fr', refusal('NOT_FOUND', { entity: 'customers' }, 'NOT_FOUND'))).toBe(
      t('errors.NOT_FOUND', { entity: 'customers' }),
    );
    expect(serverMessage(t, 'fr', refusal('NOT_FOUND', {}, 'NOT_FOUND'))).toBe(
      t('errors.NOT_FOUND', { entity: 'other' }),
    );
  });

  it('goes by the codes, not the English: a message that names a code is not read', () => {
    const t = translator('hi');
    const english: ServerError = { message: 'NOT_FOUND: No such customer', data: { code: 'CONFLICT' } };
    expect(serverMessage(t, 'hi', english)).toBe(t('dashboard.serverFailed'));
    expect(serverMessage(t, 'hi', refusal('SOMETHING_NEWER'))).toBe(
      t('errors.unknown', { code: 'SOMETHING_NEWER' }),
    );
  });

  it('says each invalid field the server lists by the schema’s own message', () => {
    const t = translator('sw');
    const error: ServerError = {
      message: 'items.0.quantity: Must be more than zero; note: Too big',
      data: {
        code: 'BAD_REQUEST',
        issues: [
          { path: 'items.0.quantity', code: 'too_small', message: 'Must be more than zero', minimum: 0 },
          {
            path: 'note',
            code: 'too_big',
            message: 'Too big: expected string to have <=2000 characters',
            maximum: 2000,
            origin: 'string',
          },
        ],
      },
    };
    expect(serverFieldMessages(t, 'sw', error, ['items', 'note'])).toEqual({
      'items.0.quantity': t('validation.moreThanZero'),
      note: t('dashboard.invalid.tooLong', { max: 2000 }),
    });
  });
});

describe('serverFieldMessages', () => {
  it('puts a rule’s refusal next to the field it names, and others above the form', () => {
    const t = translator('es');
    const needsCustomer = refusal(
      'SALE_NEEDS_CUSTOMER',
      { entity: 'sales', field: 'customerId' },
      'BAD_REQUEST',
    );
    expect(serverFieldMessages(t, 'es', needsCustomer, ['items', 'customerId'])).toEqual({
      customerId: t('errors.SALE_NEEDS_CUSTOMER'),
    });
    expect(serverFieldMessages(t, 'es', refusal('NOT_FOUND', { entity: 'sales' }), ['items'])).toEqual({
      '': t('errors.NOT_FOUND', { entity: 'sales' }),
    });
  });
});
