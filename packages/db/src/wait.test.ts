import { describe, expect, it } from 'vitest';
import { DatabaseWaitExpired, isNotReachableYet, type Retry, retryUntilReachable } from './wait.ts';

const refused = () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
const sqlError = (code: string, message: string) => Object.assign(new Error(message), { code });

/** An attempt that fails with `errors` in turn, then answers `value`. */
const failing = <T>(errors: Error[], value: T) => {
  let calls = 0;
  const attempt = async () => {
    const error = errors[calls++];
    if (error) throw error;
    return value;
  };
  return { attempt, calls: () => calls };
};

describe('isNotReachableYet', () => {
  it('is true of a server that is not there or not ready, false of a refusal', () => {
    expect(isNotReachableYet(refused())).toBe(true);
    expect(isNotReachableYet(sqlError('57P03', 'the database system is starting up'))).toBe(true);
    expect(isNotReachableYet(sqlError('08006', 'connection failure'))).toBe(true);
    expect(isNotReachableYet(new Error('Connection terminated due to connection timeout'))).toBe(true);
    expect(isNotReachableYet(new Error('Migration x failed: boom', { cause: refused() }))).toBe(true);
    expect(isNotReachableYet(sqlError('28P01', 'password authentication failed'))).toBe(false);
    expect(isNotReachableYet(sqlError('3D000', 'database "x" does not exist'))).toBe(false);
    expect(isNotReachableYet(new Error('Migration x failed: syntax error'))).toBe(false);
  });
});

describe('retryUntilReachable', () => {
  it('retries with growing pauses until the database answers', async () => {
    const { attempt, calls } = failing([refused(), refused(), refused()], 'open');
    const retries: Retry[] = [];
    expect(await retryUntilReachable(attempt, async () => {}, { onRetry: (r) => retries.push(r) })).toBe(
      'open',
    );
    expect(calls()).toBe(4);
    expect(retries.map((r) => r.attempt)).toEqual([1, 2, 3]);
    // 250, 500, 1000 ms, each ±20 %.
    const [a, b, c] = retries.map((r) => r.delayMs) as [number, number, number];
    expect([a >= 200 && a <= 300, b >= 400 && b <= 600, c >= 800 && c <= 1200]).toEqual([true, true, true]);
  });

  it('throws a refusal at once', async () => {
    const { attempt, calls } = failing([sqlError('28P01', 'password authentication failed')], 'open');
    await expect(retryUntilReachable(attempt, async () => {})).rejects.toThrow(/password authentication/);
    expect(calls()).toBe(1);
  });

  it('gives up with the last error once the bound passes; 0 makes one attempt', async () => {
    const always = async () => {
      throw refused();
    };
    const started = Date.now();
    const late = retryUntilReachable(always, async () => {}, { maxWaitMs: 700 });
    await expect(late).rejects.toThrow(DatabaseWaitExpired);
    await expect(late).rejects.toThrow(
      /did not answer within 1 s \(\d+ attempt\(s\)\); last error: connect ECONNREFUSED/,
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(690);
    const { attempt, calls } = failing([refused()], 'open');
    await expect(retryUntilReachable(attempt, async () => {}, { maxWaitMs: 0 })).rejects.toThrow(
      /within 0 s \(1 attempt\(s\)\)/,
    );
    expect(calls()).toBe(1);
  });

  it('stops when aborted, closing an attempt that answered too late', async () => {
    const stop = new AbortController();
    const closed: string[] = [];
    const { attempt } = failing([refused()], 'late');
    const waiting = retryUntilReachable(attempt, async (v) => void closed.push(v), {
      signal: stop.signal,
      onRetry: () => stop.abort(new Error('stopping')),
    });
    await expect(waiting).rejects.toThrow('stopping');

    const slow = new AbortController();
    const answered = retryUntilReachable(
      async () => {
        slow.abort(new Error('stopping'));
        return 'open';
      },
      async (v) => void closed.push(v),
      { signal: slow.signal },
    );
    await expect(answered).rejects.toThrow('stopping');
    expect(closed).toEqual(['open']);
  });
});
