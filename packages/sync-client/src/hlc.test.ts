import { compareClocks } from '@storesync/schema';
import { describe, expect, it } from 'vitest';
import { createHlc } from './hlc.ts';

const T = Date.parse('2030-01-01T00:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();

describe('createHlc', () => {
  it('follows the wall clock while it moves forward', () => {
    let wall = T;
    const hlc = createHlc({ now: () => wall });
    expect(hlc.next()).toBe(iso(T));
    wall = T + 5_000;
    expect(hlc.next()).toBe(iso(T + 5_000));
  });

  it('never goes backwards, even when the wall clock does or stands still', () => {
    let wall = T;
    const hlc = createHlc({ now: () => wall });
    const a = hlc.next();
    const b = hlc.next();
    wall = T - 60_000;
    const c = hlc.next();
    expect([a, b, c]).toEqual([iso(T), iso(T + 1), iso(T + 2)]);
  });

  it('issues times after anything seen from the server, so a slow phone’s later edit wins', () => {
    const slowPhone = createHlc({ now: () => T - 3_600_000 });
    const seen = iso(T + 10);
    slowPhone.observe(seen);
    const mine = slowPhone.next();
    expect(mine > seen).toBe(true);
    // Whatever the device ids, the edit made after seeing the change has the newer clock.
    expect(compareClocks([mine, 'a', 'x'], [seen, 'z', 'y'])).toBeGreaterThan(0);
  });

  it('ignores null and unparsable times, and times behind it', () => {
    const hlc = createHlc({ now: () => T });
    hlc.observe(null);
    hlc.observe(undefined);
    hlc.observe('not a time');
    expect(hlc.current()).toBeNull();
    expect(hlc.next()).toBe(iso(T));
    hlc.observe(iso(T - 1_000));
    expect(hlc.next()).toBe(iso(T + 1));
  });

  it('resumes from a persisted value after a restart', () => {
    const before = createHlc({ now: () => T });
    before.observe(iso(T + 60_000));
    const after = createHlc({ now: () => T, last: before.current() });
    expect(after.next()).toBe(iso(T + 60_001));
  });
});
