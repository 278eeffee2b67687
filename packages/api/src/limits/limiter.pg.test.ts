import { openDb } from '@storesync/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RetryLaterError } from '../errors.ts';
import { createHarness, type Harness } from '../test/harness.ts';
import { batchOf, hitLimit, sweepLimits } from './limiter.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness('pg');
});
afterAll(() => h.t.drop());

const stored = async (key: string) =>
  (await h.t.db.rateLimit.findUnique({ where: { key }, select: { hits: true } }))?.hits ?? 0;
const allowed = (p: Promise<void>) =>
  p.then(
    () => true,
    (e: unknown) => {
      if (e instanceof RetryLaterError) return false;
      throw e;
    },
  );

describe('hitLimit in batches', () => {
  it('writes a process’s hits in batches, and at once as the limit nears', async () => {
    const rule = { max: 100, windowSeconds: 3600 };
    expect(batchOf(rule)).toBe(5);
    for (let i = 0; i < 40; i++) await hitLimit(h.t.db.sql, 'batch:one', rule);
    // The first hit, then every fifth: 36 written, 4 held.
    expect(await stored('batch:one')).toBe(36);
    for (let i = 0; i < 60; i++) expect(await allowed(hitLimit(h.t.db.sql, 'batch:one', rule))).toBe(true);
    expect(await stored('batch:one')).toBe(100);
    expect(await allowed(hitLimit(h.t.db.sql, 'batch:one', rule))).toBe(false);
    // Known to be over: refused without another write.
    expect(await allowed(hitLimit(h.t.db.sql, 'batch:one', rule))).toBe(false);
    expect(await stored('batch:one')).toBe(101);
  });

  it('holds across processes, overshooting by at most a batch less one per process', async () => {
    const second = await openDb({ databaseUrl: h.t.url, poolSize: 2 });
    try {
      const rule = { max: 100, windowSeconds: 3600 };
      let served = 0;
      for (let i = 0; i < 300; i++) {
        const sql = i % 2 === 0 ? h.t.db.sql : second.db.sql;
        if (await allowed(hitLimit(sql, 'batch:two', rule))) served++;
      }
      expect(served).toBeGreaterThanOrEqual(100);
      expect(served).toBeLessThanOrEqual(100 + 2 * (batchOf(rule) - 1));
    } finally {
      await second.close();
    }
  });
});

describe('sweepLimits', () => {
  it('deletes windows over a day old, at most once per ten minutes per process', async () => {
    const old = new Date(Date.now() - 2 * 86_400_000);
    await h.t.db.rateLimit.create({ data: { key: 'old:1', windowStart: old, hits: 1 } });
    await sweepLimits(h.t.db.sql);
    expect(await h.t.db.rateLimit.count({ where: { key: 'old:1' } })).toBe(0);
    // A sign-in right after does not delete again.
    await h.t.db.rateLimit.create({ data: { key: 'old:2', windowStart: old, hits: 1 } });
    await sweepLimits(h.t.db.sql);
    expect(await h.t.db.rateLimit.count({ where: { key: 'old:2' } })).toBe(1);
  });
});
