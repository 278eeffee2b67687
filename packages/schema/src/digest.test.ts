import { describe, expect, it } from 'vitest';
import { entityDigest, rowHash } from './digest.ts';

const rows = [
  { id: '0193a1b2-c3d4-7e5f-8a6b-1c2d3e4f5a6b', rowVersion: 3 },
  { id: 'ffffffff-ffff-4fff-bfff-ffffffffffff', rowVersion: 1 },
  { id: '00000000-0000-0000-0000-000000000000', rowVersion: 12 },
];

describe('a book digest', () => {
  it('is the same whatever order the rows come in', () => {
    expect(entityDigest([...rows].reverse())).toEqual(entityDigest(rows));
    expect(entityDigest(rows).count).toBe(3);
  });

  it('changes when a row is missing, added, or at another version', () => {
    const whole = entityDigest(rows);
    expect(entityDigest(rows.slice(1))).not.toEqual(whole);
    expect(
      entityDigest([...rows, { id: '11111111-1111-4111-8111-111111111111', rowVersion: 1 }]).hash,
    ).not.toBe(whole.hash);
    expect(entityDigest([{ ...rows[0], rowVersion: 4 } as (typeof rows)[0], ...rows.slice(1)]).hash).not.toBe(
      whole.hash,
    );
  });

  it('stays below 2^48, a whole JSON number, however many rows', () => {
    const many = Array.from({ length: 1000 }, () => rows[1] as (typeof rows)[0]);
    const { hash } = entityDigest(many);
    expect(Number.isSafeInteger(hash)).toBe(true);
    expect(hash).toBeLessThan(2 ** 48);
    expect(rowHash(rows[2]?.id as string, 0)).toBe(BigInt(0));
  });
});
