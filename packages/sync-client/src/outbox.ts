import type { EntityRow, PushEvent, PushResult } from '@storesync/schema';
import { applyChange } from './rebase.ts';
import { keepServerRow } from './reconcile.ts';
import type { NewOutboxItem, OutboxItem, StoreTx } from './storage/types.ts';

/**
 * Appends a local change to the outbox and applies it to the visible row, in
 * the caller's transaction: the row never changes without its outbox item, nor
 * the other way round. Returns the row as it now reads (null: removed).
 */
export async function recordChange(
  tx: StoreTx,
  current: EntityRow | null,
  item: NewOutboxItem,
): Promise<EntityRow | null> {
  const stored = await tx.addOutbox(item);
  await keepServerRow(tx, item.entity, item.entityId, current);
  const next = applyChange(item.entity, current, stored);
  if (next) await tx.putRows(item.entity, [next]);
  return next;
}

/** The item as `sync.push` takes it. */
export function toPushEvent(item: OutboxItem): PushEvent {
  return {
    eventUuid: item.eventUuid,
    entity: item.entity,
    entityId: item.entityId,
    op: item.op,
    clientUpdatedAt: item.clientUpdatedAt,
    ...(item.payload && { payload: item.payload }),
    ...(item.updatedFields && { updatedFields: item.updatedFields }),
  };
}

/**
 * Records the server's answer for one item. `applied`, `duplicate` (applied
 * before, its answer lost) and `ignored` (the server holds newer values) all
 * leave the queue as `sent`, and the canonical row they carry, returned here,
 * is the server's row to accept. `rejected` can never succeed: the item is
 * marked `error` with the reason and is not retried, so it blocks nothing
 * behind it.
 */
export async function settleItem(
  tx: StoreTx,
  item: OutboxItem,
  result: PushResult,
): Promise<EntityRow | null> {
  if (result.status === 'rejected') {
    const reason = result.error ? `${result.error.code}: ${result.error.message}` : 'rejected';
    await tx.updateOutbox(item.id, { status: 'error', lastError: reason });
    return null;
  }
  await tx.updateOutbox(item.id, { status: 'sent', lastError: null });
  return result.row ?? null;
}

/** A failed attempt: the items stay pending and go again later with the same event uuids. */
export async function recordAttemptFailed(tx: StoreTx, items: OutboxItem[], reason: string) {
  for (const item of items) {
    await tx.updateOutbox(item.id, { retryCount: item.retryCount + 1, lastError: reason });
  }
}

/** An item that can never be delivered (say, larger than the server accepts). */
export async function recordUndeliverable(tx: StoreTx, item: OutboxItem, reason: string) {
  await tx.updateOutbox(item.id, { status: 'error', lastError: reason });
}
