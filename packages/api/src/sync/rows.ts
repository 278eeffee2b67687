import type { Tx } from '@storesync/db';
import type { Entity } from '@storesync/schema';
import { deletedAtOf } from './canonical.ts';
import { columnsOf, fromRecord, type StoredRow, tableOf, toRecord } from './tables.ts';

/** Loads the store's rows of one entity with the given ids, in one query. */
export async function loadRows(
  tx: Tx,
  userId: string,
  entity: Entity,
  ids: string[],
): Promise<Map<string, StoredRow>> {
  const out = new Map<string, StoredRow>();
  if (ids.length === 0) return out;
  const rows = await tx.$queryRawUnsafe<{ r: string }[]>(
    `SELECT to_jsonb(t)::text AS r FROM ${tableOf(entity)} t WHERE t.user_id = $1::uuid AND t.id = ANY($2::uuid[])`,
    userId,
    ids,
  );
  for (const { r } of rows) {
    const row = fromRecord(entity, JSON.parse(r));
    out.set(row.id, row);
  }
  return out;
}

/** Writes the final state of changed rows of one entity, in one statement. */
export async function saveRows(tx: Tx, userId: string, entity: Entity, rows: StoredRow[]): Promise<void> {
  if (rows.length === 0) return;
  const cols = columnsOf(entity);
  const updates = cols
    .filter((c) => c !== 'user_id' && c !== 'id' && c !== 'created_at')
    .map((c) => `${c} = EXCLUDED.${c}`)
    .join(', ');
  const records = rows.map((row) => toRecord(entity, userId, row, deletedAtOf(row)));
  await tx.$executeRawUnsafe(
    `INSERT INTO ${tableOf(entity)} (${cols.join(', ')})
     SELECT ${cols.join(', ')} FROM jsonb_populate_recordset(NULL::${tableOf(entity)}, $1::jsonb)
     ON CONFLICT (user_id, id) DO UPDATE SET ${updates}`,
    JSON.stringify(records),
  );
}
