import { describe, expect, it } from 'vitest';
import { defaultCurrency, formatMoney, minorDigits, minorToInput, parseMoney } from './money';

describe('defaultCurrency', () => {
  it('takes the currency of the first locale with a known region', () => {
    expect(defaultCurrency(['en-KE'])).toBe('KES');
    expect(defaultCurrency(['fr-FR'])).toBe('EUR');
    expect(defaultCurrency(['ja'])).toBe('JPY');
    expect(defaultCurrency(['xx', 'sw-TZ'])).toBe('TZS');
    expect(defaultCurrency([])).toBe('USD');
  });
});

describe('parseMoney', () => {
  it('reads amounts as minor units in the currency’s decimals', () => {
    expect(parseMoney('12.50', 'USD')).toBe(1250);
    expect(parseMoney('12,5', 'EUR')).toBe(1250);
    expect(parseMoney('1 200', 'KES')).toBe(120_000);
    expect(parseMoney('1,200.75', 'USD')).toBe(120_075);
    expect(parseMoney('1.200,75', 'EUR')).toBe(120_075);
    expect(parseMoney('500', 'JPY')).toBe(500);
    expect(parseMoney('0', 'USD')).toBe(0);
  });

  it('refuses what is not an amount', () => {
    for (const text of ['', 'abc', '-5', '1.2.3x', '12.345x']) expect(parseMoney(text, 'USD')).toBe(null);
  });
});

describe('formatMoney and minorToInput', () => {
  it('show minor units in the currency', () => {
    expect(minorDigits('USD')).toBe(2);
    expect(minorDigits('JPY')).toBe(0);
    expect(formatMoney(123_456, 'USD', 'en-US')).toBe('$1,234.56');
    expect(formatMoney(500, 'JPY', 'en-US')).toBe('¥500');
    expect(minorToInput(1250, 'USD')).toBe('12.50');
    expect(minorToInput(1250, 'JPY')).toBe('1250');
  });
});
