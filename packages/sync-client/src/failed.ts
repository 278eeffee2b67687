import type { Entity, Op } from '@storesync/schema';
import type { OutboxItem, Store } from './storage/types.ts';

/** A local change the server rejected: never retried, kept until the app discards it. */
export interface FailedChange {
  /** The outbox item's id, for `discardFailed`. */
  id: number;
  entity: Entity;
  entityId: string;
  op: Op;
  /** The fields the change set (upsert), as the app wrote them. */
  payload: Record<string, unknown> | null;
  /** Why, as `CODE: message` from the server. */
  reason: string;
  clientUpdatedAt: string;
}

const toFailedChange = (item: OutboxItem): FailedChange => ({
  id: item.id,
  entity: item.entity,
  entityId: item.entityId,
  op: item.op,
  payload: item.payload,
  reason: item.lastError ?? 'rejected',
  clientUpdatedAt: item.clientUpdatedAt,
});

/** The rejected changes, oldest first. */
export async function listFailedChanges(store: Store): Promise<FailedChange[]> {
  const items = await store.transaction((tx) => tx.listOutbox({ status: 'error' }));
  return items.map(toFailedChange);
}

/** Thrown when discarding a change that is not (or no longer) a rejected one. */
export class FailedChangeNotFoundError extends Error {
  constructor(id: number) {
    super(`No rejected change ${id}`);
    this.name = 'FailedChangeNotFoundError';
  }
}

/**
 * Forgets a rejected change. Its row was already put back to the server's
 * state when it was rejected, so only the outbox item goes.
 */
export async function discardFailedChange(store: Store, id: number): Promise<void> {
  const item = await store.transaction((tx) => tx.deleteOutbox(id, 'error'));
  if (!item) throw new FailedChangeNotFoundError(id);
}
