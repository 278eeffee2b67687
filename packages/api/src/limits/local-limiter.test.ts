import { describe, expect, it } from 'vitest';
import { metrics } from '../metrics.ts';
import { LocalLimiter } from './local-limiter.ts';

const refusals = async () =>
  (await metrics.rateLimitRefusals.get()).values.find((v) => v.labels.rule === 'statement')?.value ?? 0;

describe('the in-memory limit per address', () => {
  it('lets max hits through a window, refuses the rest until it ends, keeps addresses apart', async () => {
    let now = 120_000 + 15_000;
    const limiter = new LocalLimiter({ max: 3, windowSeconds: 60 }, 'statement', () => now);
    const before = await refusals();
    expect([1, 2, 3].map(() => limiter.hit('a'))).toEqual([null, null, null]);
    // The window started at 120 s (a multiple of 60 s) and ends at 180 s: 45 s left.
    expect(limiter.hit('a')).toBe(45);
    expect(limiter.hit('b')).toBeNull();
    now = 179_500;
    expect(limiter.hit('a')).toBe(1);
    now = 180_000;
    expect(limiter.hit('a')).toBeNull();
    expect(await refusals()).toBe(before + 2);
  });

  it('holds a bounded number of addresses however many knock', () => {
    let now = 0;
    const limiter = new LocalLimiter({ max: 1, windowSeconds: 60 }, 'statement', () => now);
    for (let i = 0; i < 60_000; i++) limiter.hit(`10.0.${i >> 8}.${i & 255}`);
    expect(limiter.size).toBeLessThanOrEqual(50_000);
    // The newest address is still counted: a second hit in its window is refused.
    expect(limiter.hit('10.0.234.95')).not.toBeNull();
    now = 60_000;
    expect(limiter.hit('10.0.234.95')).toBeNull();
  });
});
