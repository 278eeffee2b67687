import type { Entity } from '@storesync/schema';
import type { WorkingRows } from './apply-event.ts';
import { deletedAtOf } from './canonical.ts';

/**
 * A row an event needs to be live (and, with `fields`, to hold those values)
 * when it applies: checked under the store lock, on the rows the batch loads,
 * so a delete committed a moment before cannot be undone by the event.
 */
export interface Precondition {
  entity: Entity;
  id: string;
  fields?: Record<string, unknown>;
}

/** The rejection message of a precondition that does not hold. */
export const preconditionMessage = (c: Precondition): string => `no live ${c.entity} row ${c.id}`;

/** Whether the row is there, not tombstoned, and holds the required values. */
export function holds(rows: WorkingRows, c: Precondition): boolean {
  const row = rows[c.entity].get(c.id);
  if (!row || deletedAtOf(row) !== null) return false;
  return Object.entries(c.fields ?? {}).every(
    ([field, value]) => (row.state.values[field] ?? null) === value,
  );
}
