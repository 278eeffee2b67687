import { describe, expect, it } from 'vitest';
import { failureKind, retryAfterMs } from './errors.ts';
import { httpError, networkError } from './test/fake-api.ts';

const NOW = Date.parse('2030-01-01T00:00:00.000Z');
const after = (value: string) =>
  retryAfterMs(httpError(429, 'TOO_MANY_REQUESTS', { 'retry-after': value }), NOW);

describe('retryAfterMs', () => {
  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(after('30')).toBe(30_000);
    expect(after(' 1.5 ')).toBe(1_500);
    expect(after('Tue, 01 Jan 2030 00:00:10 GMT')).toBe(10_000);
    expect(after('Mon, 31 Dec 2029 23:00:00 GMT')).toBe(0);
  });

  it('caps an absurd wait at an hour, and ignores a header that says nothing', () => {
    expect(after('9999999')).toBe(3_600_000);
    expect(after('soon')).toBeNull();
    expect(retryAfterMs(httpError(429, 'TOO_MANY_REQUESTS'), NOW)).toBeNull();
    expect(retryAfterMs(networkError(), NOW)).toBeNull();
    expect(retryAfterMs(new Error('local'), NOW)).toBeNull();
  });
});

describe('failureKind', () => {
  it('sorts 429 and 503 as busy, other answers as server faults', () => {
    expect(failureKind(httpError(429, 'TOO_MANY_REQUESTS'))).toBe('busy');
    expect(failureKind(httpError(503, 'SERVICE_UNAVAILABLE'))).toBe('busy');
    expect(failureKind(httpError(500, 'INTERNAL_SERVER_ERROR'))).toBe('server');
    expect(failureKind(httpError(401, 'UNAUTHORIZED'))).toBe('unauthorized');
    expect(failureKind(networkError())).toBe('offline');
  });
});
