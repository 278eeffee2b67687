import { TRPCError } from '@trpc/server';
import { describe, expect, it } from 'vitest';
import { classifyError, isDatabaseUnavailable, RetryLaterError } from './errors.ts';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('classifyError', () => {
  it('turns refused, terminated and too-many-clients connections into SERVICE_UNAVAILABLE with a delay', () => {
    const outages = [
      withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'),
      new Error('Connection terminated unexpectedly'),
      withCode('sorry, too many clients already', '53300'),
      withCode('terminating connection due to administrator command', '57P01'),
      withCode('the database system is starting up', '57P03'),
      new TRPCError({
        code: 'INTERNAL_SERVER_ERROR',
        cause: withCode('Can’t reach database server', 'P1001'),
      }),
      new AggregateError([withCode('connect ECONNREFUSED ::1:5432', 'ECONNREFUSED')]),
    ];
    for (const e of outages) {
      const out = classifyError(e);
      expect(out, e.message).toBeInstanceOf(RetryLaterError);
      expect(out.code).toBe('SERVICE_UNAVAILABLE');
      expect((out as RetryLaterError).retryAfterSeconds).toBeGreaterThan(0);
    }
  });

  it('leaves bugs as INTERNAL_SERVER_ERROR and the caller’s mistakes as they are', () => {
    expect(classifyError(withCode('duplicate key value', '23505')).code).toBe('INTERNAL_SERVER_ERROR');
    expect(classifyError(new TypeError('x is undefined')).code).toBe('INTERNAL_SERVER_ERROR');
    expect(classifyError(new TRPCError({ code: 'NOT_FOUND' })).code).toBe('NOT_FOUND');
    expect(isDatabaseUnavailable('ECONNREFUSED')).toBe(false);
  });
});
