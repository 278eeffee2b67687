import type { Entity } from './entities.ts';

/**
 * A book's digest per entity: how many live rows it holds, and an order-independent hash of
 * their (id, rowVersion) pairs — the sum, mod 2^48, of each row's `rowHash`. The server and
 * a device compute it alike (the server's SQL is `sync/digest.ts` in @storesync/api, checked
 * against this by its test), so a device that holds the same live rows at the same versions
 * as the server has the same digest, and a missing, extra or stale row shows. Not a
 * cryptographic hash: it finds a book that drifted, not one forged.
 */
export interface EntityDigest {
  count: number;
  hash: number;
}

export type BookDigest = Record<Entity, EntityDigest>;

/** 2^48, spelled out: no BigInt exponentiation for older engines (Hermes). */
const MOD = BigInt('0x1000000000000');
/** Spreads the version's bits over the hash (Knuth's multiplicative constant). */
const SPREAD = BigInt(2654435761);

/** One row's share: the id's last 48 bits XOR its 48 before them, XOR the version spread. */
export function rowHash(id: string, rowVersion: number): bigint {
  const hex = id.replaceAll('-', '');
  const low = BigInt(`0x${hex.slice(20, 32)}`);
  const mid = BigInt(`0x${hex.slice(8, 20)}`);
  return low ^ mid ^ ((BigInt(rowVersion) * SPREAD) % MOD);
}

/** The digest of some rows of one entity (live ones: the caller leaves tombstones out). */
export function entityDigest(rows: Iterable<{ id: string; rowVersion: number }>): EntityDigest {
  let count = 0;
  let sum = BigInt(0);
  for (const r of rows) {
    count++;
    sum = (sum + rowHash(r.id, r.rowVersion)) % MOD;
  }
  return { count, hash: Number(sum) };
}
