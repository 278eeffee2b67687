import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UuidSchema } from './primitives.ts';
import { uuidV7 } from './uuid-v7.ts';

const MAX_MS = 2 ** 48 - 1;
/** The milliseconds a v7 id holds in its first 48 bits. */
const msOf = (id: string) => Number.parseInt(id.replaceAll('-', '').slice(0, 12), 16);

describe('uuidV7', () => {
  it('makes ids the wire accepts, version 7 and RFC variant, holding the time they were made', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: MAX_MS }),
        fc.uint8Array({ minLength: 16, maxLength: 16 }),
        (ms, bytes) => {
          const id = uuidV7(() => bytes.slice(), ms);
          expect(UuidSchema.parse(id)).toBe(id);
          expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
          expect(msOf(id)).toBe(ms);
          // Every bit but the version's and the variant's comes from the random source.
          const hex = id.replaceAll('-', '');
          expect(hex.slice(13, 16)).toBe(Buffer.from(bytes.subarray(6, 8)).toString('hex').slice(1));
          expect(hex.slice(18)).toBe(Buffer.from(bytes.subarray(9)).toString('hex'));
        },
      ),
    );
  });

  it('sorts ids made in later milliseconds after earlier ones, in byte order, the order PostgreSQL keeps uuids in', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: MAX_MS - 1 }),
        fc.integer({ min: 1, max: 10_000 }),
        (ms, later) => {
          const a = uuidV7(undefined, ms);
          const b = uuidV7(undefined, Math.min(MAX_MS, ms + later));
          expect(a < b).toBe(true);
        },
      ),
    );
  });

  it('gives distinct ids within one millisecond, from the platform’s random source by default', () => {
    const now = Date.now();
    const ids = Array.from({ length: 10_000 }, () => uuidV7(undefined, now));
    expect(new Set(ids).size).toBe(ids.length);
    expect(Math.abs(msOf(uuidV7()) - Date.now())).toBeLessThan(1_000);
  });
});
