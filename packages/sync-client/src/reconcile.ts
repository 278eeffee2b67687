import type { Entity, EntityRow } from '@storesync/schema';
import type { Hlc } from './hlc.ts';
import { rebase } from './rebase.ts';
import type { StoreTx } from './storage/types.ts';

/**
 * Keeps a row the server sent (pulled, or in a push result) as the server copy,
 * unless a newer version is already held: `rowVersion` grows with every change,
 * so rows arriving out of order (a push result, then an older pulled event)
 * never move the copy backwards. The clock learns the row's times.
 */
export async function acceptServerRow(tx: StoreTx, hlc: Hlc, entity: Entity, row: EntityRow) {
  hlc.observe(row.updatedAt);
  hlc.observe(row.deletedAt);
  const held = await tx.getServerRow(entity, row.id);
  if (held && held.rowVersion >= row.rowVersion) return;
  await tx.putServerRow(entity, row);
}

/** Recomputes a visible row from the server copy and the row's pending outbox items. */
export async function refreshRow(tx: StoreTx, entity: Entity, id: string) {
  const serverRow = await tx.getServerRow(entity, id);
  const pending = await tx.listOutbox({ status: 'pending', entity, entityId: id });
  const row = rebase(entity, serverRow, pending);
  if (row) await tx.putRow(entity, row);
  else await tx.deleteRow(entity, id);
}

/** A set of rows touched by one batch, refreshed once each at its end. */
export function createTouchedRows() {
  const rows = new Map<string, [Entity, string]>();
  return {
    add(entity: Entity, id: string) {
      rows.set(`${entity}:${id}`, [entity, id]);
    },
    async refreshAll(tx: StoreTx) {
      for (const [entity, id] of rows.values()) await refreshRow(tx, entity, id);
    },
  };
}

/**
 * Refuses to write what a sync fetched once the book has changed store (a
 * sign-out and another account's sign-in while the request was in flight):
 * its rows, and its cursor, belong to the other store.
 */
export async function assertBoundTo(tx: StoreTx, userId: string) {
  const state = await tx.getState();
  if (state.userId !== userId) throw new Error('The local book changed store during the sync');
  return state;
}
