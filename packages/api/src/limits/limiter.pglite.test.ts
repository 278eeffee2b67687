import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RetryLaterError } from '../errors.ts';
import { createHarness, type Harness } from '../test/harness.ts';
import { hitLimit, sweepLimits } from './limiter.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness('pglite');
}, 60_000);
afterAll(() => h.t.drop());

describe('hitLimit on PGlite (the database of pnpm dev)', () => {
  it('counts hits in a window and refuses past the limit with the seconds left', async () => {
    const rule = { max: 3, windowSeconds: 3600 };
    for (let i = 0; i < 3; i++) await hitLimit(h.t.db.sql, 'pglite:key', rule);
    const error = await hitLimit(h.t.db.sql, 'pglite:key', rule).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RetryLaterError);
    expect((error as RetryLaterError).code).toBe('TOO_MANY_REQUESTS');
    expect((error as RetryLaterError).retryAfterSeconds).toBeGreaterThan(0);
    expect((error as RetryLaterError).retryAfterSeconds).toBeLessThanOrEqual(3600);
    await hitLimit(h.t.db.sql, 'pglite:other', rule);
  });

  it('stamps a session’s last-seen on the first hit of a window, and sweeps nothing live', async () => {
    const d = await h.device('pglite-seen@example.com');
    const session = await h.t.db.session.findFirstOrThrow({ where: { userId: d.userId } });
    await hitLimit(h.t.db.sql, `session:${session.id}`, { max: 10, windowSeconds: 60 }, session.id);
    const seen = await h.t.db.session.findFirstOrThrow({ where: { id: session.id } });
    expect(seen.lastSeenAt).toBeInstanceOf(Date);
    await sweepLimits(h.t.db.sql);
    expect(await h.t.db.rateLimit.count({ where: { key: `session:${session.id}` } })).toBe(1);
  });
});
