import { describe, expect, it } from 'vitest';
import { debtDate } from './debt-date.ts';

describe('debtDate', () => {
  it('is the date the debt was taken on, and a row from before that field reads as its createdAt', () => {
    const createdAt = '2026-03-02T10:00:00.000Z';
    expect(debtDate({ recordedAt: '2026-02-20T08:00:00.000Z', createdAt })).toBe('2026-02-20T08:00:00.000Z');
    expect(debtDate({ recordedAt: null, createdAt })).toBe(createdAt);
    expect(debtDate({ createdAt })).toBe(createdAt);
  });
});
