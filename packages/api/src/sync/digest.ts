import type { SqlDb } from '@storesync/db';
import type { DigestOutput } from '@storesync/schema';
import { ENTITIES, type Entity } from '@storesync/schema';
import { tableOf } from './tables.ts';

/** 2^48: the digest's hashes are sums mod this (`entityDigest` in @storesync/schema). */
const MOD = '281474976710656';
/** 48 bits of the id's hex, from character `from` (1-based), as a bigint. */
const bits48 = (from: number) => `('x' || substr(replace(id::text, '-', ''), ${from}, 12))::bit(48)::bigint`;
/** `rowHash` of @storesync/schema, in SQL. */
const ROW_HASH = `(${bits48(21)} # ${bits48(9)} # ((row_version * 2654435761) % ${MOD}))`;

/**
 * Every entity's live-row count and hash, and the store's newest event id, in one statement
 * (so one snapshot of the database): each entity a scan of the store's rows in its table.
 */
const DIGEST_SQL = [
  `SELECT 'cursor' AS entity, 0::text AS n, coalesce(max(event_id), 0)::text AS hash FROM sync_events WHERE user_id = $1::uuid`,
  ...ENTITIES.map(
    (e) => `SELECT '${e}', count(*)::text, (coalesce(sum(${ROW_HASH}::numeric), 0) % ${MOD})::text
      FROM ${tableOf(e)} WHERE user_id = $1::uuid AND deleted_at IS NULL`,
  ),
].join('\nUNION ALL\n');

/**
 * The store's digest (docs/protocol.md, "Digest"): what a device that has pulled to `cursor`
 * and has no change of its own unsent must hold, entity by entity.
 */
export async function readDigest(sql: SqlDb, userId: string): Promise<DigestOutput> {
  const rows = await sql.query<{ entity: string; n: string; hash: string }>(DIGEST_SQL, [userId]);
  const out: DigestOutput = { cursor: 0, entities: {} as DigestOutput['entities'] };
  for (const r of rows) {
    if (r.entity === 'cursor') out.cursor = Number(r.hash);
    else out.entities[r.entity as Entity] = { count: Number(r.n), hash: Number(r.hash) };
  }
  return out;
}
