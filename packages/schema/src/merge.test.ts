import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Clock, clampClientTime } from './clock.ts';
import { type Change, emptyRowState, isDeleted, mergeChange, type RowState } from './merge.ts';

const clock = (ms: number, device = 'd1', uuid = `u${ms}`): Clock => [
  new Date(ms).toISOString(),
  device,
  uuid,
];
const upsert = (fields: Record<string, unknown>): Change => ({ op: 'upsert', fields });
const del: Change = { op: 'delete' };

const run = (steps: [Change, Clock][]): RowState =>
  steps.reduce((s, [change, c]) => mergeChange(s, change, c).state, emptyRowState());

describe('mergeChange', () => {
  it('takes a field only when the incoming clock is newer', () => {
    const s1 = mergeChange(emptyRowState(), upsert({ name: 'A', phone: '1' }), clock(10)).state;
    const older = mergeChange(s1, upsert({ name: 'old' }), clock(5));
    expect(older.applied).toBe(false);
    expect(older.state.values.name).toBe('A');
    const newer = mergeChange(s1, upsert({ name: 'B' }), clock(20));
    expect(newer.applied).toBe(true);
    expect(newer.state.values).toEqual({ name: 'B', phone: '1' });
  });

  it('keeps edits of different fields from two devices in either order', () => {
    const base: [Change, Clock] = [upsert({ name: 'A', phone: '1' }), clock(1)];
    const a: [Change, Clock] = [upsert({ name: 'Ann' }), clock(10, 'phone-a')];
    const b: [Change, Clock] = [upsert({ phone: '2' }), clock(5, 'phone-b')];
    expect(run([base, a, b]).values).toEqual({ name: 'Ann', phone: '2' });
    expect(run([base, b, a]).values).toEqual({ name: 'Ann', phone: '2' });
  });

  it('breaks timestamp ties by device id, then event uuid', () => {
    const s = run([
      [upsert({ name: 'from z' }), clock(10, 'z')],
      [upsert({ name: 'from a' }), clock(10, 'a')],
    ]);
    expect(s.values.name).toBe('from z');
    const t = run([
      [upsert({ name: 'u2' }), clock(10, 'a', 'u2')],
      [upsert({ name: 'u1' }), clock(10, 'a', 'u1')],
    ]);
    expect(t.values.name).toBe('u2');
  });

  it('tombstones only when the delete is newer than every field clock', () => {
    const s = run([[upsert({ name: 'A' }), clock(10)]]);
    expect(mergeChange(s, del, clock(5)).applied).toBe(false);
    const deleted = mergeChange(s, del, clock(15));
    expect(deleted.applied).toBe(true);
    expect(isDeleted(deleted.state)).toBe(true);
  });

  it('revives on a newer upsert and updates under the tombstone on an older one', () => {
    const deleted = run([
      [upsert({ name: 'A', phone: '1' }), clock(10)],
      [del, clock(20)],
    ]);
    const under = mergeChange(deleted, upsert({ phone: '2' }), clock(15));
    expect(under.applied).toBe(true);
    expect(isDeleted(under.state)).toBe(true);
    expect(under.state.values.phone).toBe('2');
    const revived = mergeChange(under.state, upsert({ name: 'B' }), clock(25));
    expect(isDeleted(revived.state)).toBe(false);
    expect(revived.state.values).toEqual({ name: 'B', phone: '2' });
  });

  it('ignores a delete older than an existing tombstone', () => {
    const s = run([
      [upsert({ name: 'A' }), clock(1)],
      [del, clock(20)],
    ]);
    const older = mergeChange(s, del, clock(10));
    expect(older.applied).toBe(false);
    expect(older.state.deletedClock?.[0]).toBe(new Date(20).toISOString());
  });

  it('gives the same row for any arrival order of the same events', () => {
    const fields = ['name', 'phone', 'note'] as const;
    const event = fc.record({
      ms: fc.integer({ min: 0, max: 50 }),
      device: fc.constantFrom('a', 'b', 'c'),
      change: fc.oneof(
        fc.constant<Change>(del),
        fc
          .subarray([...fields], { minLength: 1 })
          .chain((fs) =>
            fc
              .tuple(...fs.map(() => fc.string({ maxLength: 3 })))
              .map((vs): Change => upsert(Object.fromEntries(fs.map((f, i) => [f, vs[i]])))),
          ),
      ),
    });
    const steps = fc
      .array(event, { minLength: 1, maxLength: 12 })
      .map((es) => es.map((e, i): [Change, Clock] => [e.change, clock(e.ms, e.device, `u${i}`)]))
      .chain((s) => fc.tuple(fc.constant(s), fc.shuffledSubarray(s, { minLength: s.length })));
    fc.assert(
      fc.property(steps, ([inOrder, shuffled]) => {
        const a = run(inOrder);
        for (const other of [run(shuffled), run([...inOrder].reverse())]) {
          expect(other.values).toEqual(a.values);
          expect(isDeleted(other)).toBe(isDeleted(a));
        }
      }),
      { numRuns: 500, seed: 42 },
    );
  });
});

describe('clampClientTime', () => {
  const now = new Date('2026-11-24T10:00:00.000Z');
  it('clamps a clock more than five minutes ahead to the server time', () => {
    expect(clampClientTime('2026-11-24T10:05:00.001Z', now)).toBe(now.toISOString());
  });
  it('keeps a clock within five minutes, or in the past', () => {
    expect(clampClientTime('2026-11-24T10:04:59.000Z', now)).toBe('2026-11-24T10:04:59.000Z');
    expect(clampClientTime('2020-01-01T00:00:00.000Z', now)).toBe('2020-01-01T00:00:00.000Z');
  });
});
