import { type Entity, type EntityRow, entityFieldNames } from '@storesync/schema';
import { hasRequiredFields, toLocalRow } from './rows.ts';
import type { OutboxItem } from './storage/types.ts';

/**
 * The fields an upsert sets, read as the server reads them: the entity's known
 * fields named in `updatedFields` (cleared when absent from the payload), or
 * else every known key of the payload.
 */
export function changedFields(entity: Entity, item: OutboxItem): Record<string, unknown> {
  const payload = item.payload ?? {};
  const known = entityFieldNames(entity);
  const names = item.updatedFields
    ? known.filter((f) => item.updatedFields?.includes(f))
    : known.filter((f) => f in payload);
  return Object.fromEntries(names.map((f) => [f, payload[f] ?? null]));
}

/**
 * One local change on top of a row, as the server applies it when the change
 * is the newest it has seen. An upsert over a tombstone revives the row only
 * when it is later than the delete, as the server's merge does. Returns null
 * when there is no row to show: an edit of a row the server does not have.
 */
export function applyChange(entity: Entity, row: EntityRow | null, item: OutboxItem): EntityRow | null {
  const at = item.clientUpdatedAt;
  const stamp = { updatedAt: at, updatedByDeviceId: item.deviceId };
  if (item.op === 'delete') {
    if (!row || row.deletedAt !== null) return row;
    return { ...row, ...stamp, deletedAt: at };
  }
  const fields = changedFields(entity, item);
  let base = row;
  if (!base) {
    if (!hasRequiredFields(entity, fields)) return null;
    base = toLocalRow(entity, { id: item.entityId, createdAt: at, deletedAt: null, rowVersion: 0, ...stamp });
  }
  const deletedAt = base.deletedAt !== null && at > base.deletedAt ? null : base.deletedAt;
  return { ...base, ...fields, ...stamp, deletedAt };
}

/**
 * The row the UI sees: the server's row with this device's pending changes
 * replayed on top, oldest first. Pulling a newer server row therefore never
 * makes a pending edit flicker back to the old value, and once nothing is
 * pending the local row is exactly the server's.
 */
export function rebase(entity: Entity, serverRow: EntityRow | null, pending: OutboxItem[]): EntityRow | null {
  let row = serverRow && toLocalRow(entity, serverRow);
  for (const item of pending) row = applyChange(entity, row, item);
  return row;
}
