import { describe, expect, it } from 'vitest';
import { normalisePhone, phoneE164 } from './phone.ts';

describe('normalisePhone', () => {
  it('reads a national number as the store country’s', () => {
    expect(normalisePhone('0712 345 678', 'KE')).toEqual({ e164: '+254712345678' });
    expect(normalisePhone('0300-1234567', 'PK')).toEqual({ e164: '+923001234567' });
    expect(normalisePhone('06 12 34 56 78', 'FR')).toEqual({ e164: '+33612345678' });
  });

  it('keeps an international number’s own country, whatever the store’s', () => {
    expect(normalisePhone('+91 98765 43210', 'KE')).toEqual({ e164: '+919876543210' });
    expect(normalisePhone('0091 98765 43210', null)).toEqual({ e164: '+919876543210' });
  });

  it('refuses what is not a number of that country, and a national number with no country', () => {
    expect(normalisePhone('12345', 'KE')).toEqual({ error: 'invalid' });
    expect(normalisePhone('call me', 'KE')).toEqual({ error: 'invalid' });
    expect(normalisePhone('0712 345 678', null)).toEqual({ error: 'needsCountry' });
  });

  it('phoneE164 gives null for a stored number that cannot be read, so it is shown as typed', () => {
    expect(phoneE164('0712345678', 'KE')).toBe('+254712345678');
    expect(phoneE164('ask at the shop', 'KE')).toBeNull();
    expect(phoneE164(null, 'KE')).toBeNull();
  });
});
