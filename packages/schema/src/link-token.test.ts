import { describe, expect, it } from 'vitest';
import { linkExpiry, newLinkToken } from './link-token.ts';
import { LinkTokenSchema } from './primitives.ts';

describe('newLinkToken', () => {
  it('writes 16 bytes as 22 base64url characters, as Node encodes them', () => {
    for (let i = 0; i < 200; i++) {
      let bytes: Uint8Array = new Uint8Array(0);
      const token = newLinkToken((b) => {
        globalThis.crypto.getRandomValues(b);
        bytes = b;
        return b;
      });
      expect(token).toBe(Buffer.from(bytes).toString('base64url'));
      expect(LinkTokenSchema.safeParse(token).success).toBe(true);
    }
  });

  it('differs each time (random, not derived)', () => {
    const tokens = new Set(Array.from({ length: 1000 }, () => newLinkToken()));
    expect(tokens.size).toBe(1000);
  });

  it('expires the given number of days later', () => {
    expect(linkExpiry(new Date('2026-12-07T10:00:00Z'), 60)).toBe('2027-02-05T10:00:00.000Z');
  });
});
