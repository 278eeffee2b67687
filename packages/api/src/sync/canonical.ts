import { type Entity, type EntityRow, entityFieldNames, isDeleted } from '@storesync/schema';
import type { StoredRow } from './tables.ts';

/** When the row was tombstoned, or null: the winning delete's clock time. */
export const deletedAtOf = (row: StoredRow): string | null =>
  isDeleted(row.state) && row.state.deletedClock ? row.state.deletedClock[0] : null;

/** The row as docs/protocol.md's `EntityRow`: every field (null when unset) and the common columns. */
export function canonicalRow(entity: Entity, row: StoredRow): EntityRow {
  const out: EntityRow = {
    id: row.id,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    deletedAt: deletedAtOf(row),
    updatedByDeviceId: row.updatedByDeviceId,
    rowVersion: row.rowVersion,
  };
  for (const f of entityFieldNames(entity)) out[f] = row.state.values[f] ?? null;
  return out;
}
