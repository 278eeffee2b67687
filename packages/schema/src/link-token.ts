import type { RandomFill } from './uuid-v7.ts';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/**
 * A new statement link token: 16 bytes (128 bits) from a CSPRNG as 22 base64url characters,
 * made by whichever device creates the link (`fill`: expo-crypto's on a phone), so a link
 * works offline. No `Buffer` or `btoa`: Hermes has neither for bytes.
 */
export function newLinkToken(fill: RandomFill = (b) => globalThis.crypto.getRandomValues(b)): string {
  const bytes = fill(new Uint8Array(16));
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      out += ALPHABET[(value >> bits) & 63];
    }
    value &= (1 << bits) - 1;
  }
  if (bits > 0) out += ALPHABET[(value << (6 - bits)) & 63];
  return out;
}

/** When a link made at `now` stops working: `days` later (settings.linkDays, or the default). */
export const linkExpiry = (now: Date, days: number): string =>
  new Date(now.getTime() + days * 86_400_000).toISOString();
