import {
  type CommonRowColumns,
  type Entity,
  type EntityFields,
  type EntityRow,
  entityFieldNames,
  requiredFieldNames,
} from '@storesync/schema';

/** A row as the app reads it: the entity's fields and the server's common columns. */
export type Row<E extends Entity> = EntityFields[E] & CommonRowColumns;

/**
 * The row reduced to what the local tables hold: the entity's fields (null
 * when absent) and the common columns. Unknown keys, say from a newer server,
 * are dropped so both storage adapters hold the same thing.
 */
export function toLocalRow(entity: Entity, row: EntityRow): EntityRow {
  const out: EntityRow = {
    id: row.id,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    deletedAt: row.deletedAt ?? null,
    updatedByDeviceId: row.updatedByDeviceId ?? null,
    rowVersion: row.rowVersion,
  };
  for (const f of entityFieldNames(entity)) out[f] = row[f] ?? null;
  return out;
}

/** Whether these values are enough to create a row: the server rejects a create without them. */
export const hasRequiredFields = (entity: Entity, values: Record<string, unknown>): boolean =>
  requiredFieldNames(entity).every((f) => values[f] !== undefined && values[f] !== null);
