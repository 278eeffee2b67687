import type { Entity, EntityRow, Op } from '@storesync/schema';
import type { Hlc } from './hlc.ts';
import { recordChange } from './outbox.ts';
import type { Store } from './storage/types.ts';

export interface RepositoryContext {
  store: Store;
  hlc: Hlc;
  deviceId: string;
  newId: () => string;
  /** Told after each committed write, to update the status and schedule a sync. */
  onWrite: () => void;
}

/** Thrown for a write to a row this device does not have, or has deleted. */
export class RowNotFoundError extends Error {
  constructor(entity: Entity, id: string) {
    super(`No ${entity} row ${id}`);
    this.name = 'RowNotFoundError';
  }
}

/**
 * Applies one change to a row and appends its outbox item, in one local
 * transaction. `existing`: the row must be there and live (an edit or delete).
 */
export async function commitChange(
  ctx: RepositoryContext,
  entity: Entity,
  id: string,
  op: Op,
  values: Record<string, unknown> | null,
  existing: boolean,
): Promise<EntityRow | null> {
  const row = await ctx.store.transaction(async (tx) => {
    const { userId } = await tx.getState();
    if (!userId) throw new Error('Sign in first: the local book does not belong to a store yet');
    const current = await tx.getRow(entity, id);
    if (existing && (!current || current.deletedAt !== null)) throw new RowNotFoundError(entity, id);
    const next = await recordChange(tx, current, {
      userId,
      deviceId: ctx.deviceId,
      entity,
      entityId: id,
      op,
      payload: values,
      updatedFields: values && Object.keys(values),
      clientUpdatedAt: ctx.hlc.next(),
      eventUuid: ctx.newId(),
    });
    await tx.setState({ clock: ctx.hlc.current() });
    return next;
  });
  ctx.onWrite();
  return row;
}
