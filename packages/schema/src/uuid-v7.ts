/** Fills `bytes` with random bytes and returns them, as `crypto.getRandomValues` does. */
export type RandomFill = (bytes: Uint8Array) => Uint8Array;

const webCrypto: RandomFill = (bytes) => globalThis.crypto.getRandomValues(bytes);

/**
 * A new id in RFC 9562's version 7: 48 bits of Unix milliseconds, then 74
 * random bits. Ids made close in time sort close together, so a store's new
 * rows and events land in the last pages of the server's indexes rather than
 * anywhere in them, which a large store pays for in reads and WAL. The time it
 * holds is close to the event's `clientUpdatedAt`, which the wire carries anyway.
 * `fill` is for runtimes without `crypto.getRandomValues` (Hermes: expo-crypto's).
 */
export function uuidV7(fill: RandomFill = webCrypto, now = Date.now()): string {
  const b = fill(new Uint8Array(16));
  let t = Math.max(0, Math.floor(now));
  for (let i = 5; i >= 0; i--) {
    b[i] = t % 256;
    t = Math.floor(t / 256);
  }
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x70;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  let hex = '';
  for (const x of b) hex += x.toString(16).padStart(2, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
