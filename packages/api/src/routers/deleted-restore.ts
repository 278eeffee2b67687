import { Prisma } from '@storesync/db';
import { type EntityRow, entityFieldNames } from '@storesync/schema';
import type { AuthedContext } from '../dashboard/authed-context.ts';
import { notFound } from '../dashboard/live-rows.ts';
import { writeChange } from '../dashboard/write.ts';
import { RefusedError } from '../errors.ts';
import { canonicalRow } from '../sync/canonical.ts';
import { fromRecord } from '../sync/tables.ts';
import type { DeletedEntity } from './deleted-list.ts';

/** The deleted row of the caller's store as a phone would pull it, or null (live, unknown, another store's). */
async function deletedRow(ctx: AuthedContext, entity: DeletedEntity, id: string): Promise<EntityRow | null> {
  // Whole stored row, read to be written back: every field, whatever the schema has grown to.
  const [found] = await ctx.db.$queryRaw<{ row: Record<string, unknown> }[]>`
    SELECT to_jsonb(t) AS row FROM ${Prisma.raw(entity)} t
    WHERE t.user_id = ${ctx.auth.user.id}::uuid AND t.id = ${id}::uuid AND t.deleted_at IS NOT NULL`;
  return found ? canonicalRow(entity, fromRecord(entity, found.row)) : null;
}

/**
 * Brings a deleted row back through the sync path: an upsert of all its current field values,
 * newer than its tombstone, which by the merge rules makes it live again on every device that
 * pulls it. An entry of a deleted customer brings the customer back first (its reference must be
 * live). Not-found, live and another store's rows all answer NOT_FOUND.
 */
export async function restoreDeleted(
  ctx: AuthedContext,
  entity: DeletedEntity,
  id: string,
): Promise<EntityRow> {
  const row = await deletedRow(ctx, entity, id);
  if (!row) throw notFound(entity);
  const customerId = entity === 'customers' ? null : row.customerId;
  if (typeof customerId === 'string' && (await deletedRow(ctx, 'customers', customerId))) {
    await restoreDeleted(ctx, 'customers', customerId);
  }
  const payload = Object.fromEntries(entityFieldNames(entity).map((f) => [f, row[f] ?? null]));
  const restored = await writeChange(ctx, { entity, entityId: id, op: 'upsert', payload });
  if (restored.deletedAt !== null) {
    // The tombstone's clock is ahead of the server's (a device's fast clock, within the skew allowed).
    throw new RefusedError({
      code: 'CONFLICT',
      reason: 'DELETED_CLOCK_AHEAD',
      params: { entity },
      message: 'It was deleted on a device whose clock is ahead; try again in a few minutes',
    });
  }
  return restored;
}
