import type { Entity, EntityRow } from '@storesync/schema';
import type { Hlc } from './hlc.ts';
import { rebase } from './rebase.ts';
import { toLocalRow } from './rows.ts';
import type { OutboxItem, StoreTx } from './storage/types.ts';

/**
 * The row to keep of each id: the first of its highest `rowVersion`. Versions
 * grow with every change, so rows arriving out of order (a push result, then
 * an older pulled event) never move a row backwards.
 */
function newestById(rows: readonly EntityRow[]): Map<string, EntityRow> {
  const newest = new Map<string, EntityRow>();
  for (const row of rows) {
    const held = newest.get(row.id);
    if (!held || row.rowVersion > held.rowVersion) newest.set(row.id, row);
  }
  return newest;
}

/**
 * Takes rows of one entity the server sent (a pulled page, or push results),
 * in the order received, and brings the visible rows of them and of `touched`
 * up to date. One query finds the rows with local changes, whose server rows
 * are kept aside (see storage/types.ts): only those are rebased, and every
 * other row is written as the server sent it, in one batch. The clock learns
 * the rows' times.
 */
export async function acceptServerRows(
  tx: StoreTx,
  hlc: Hlc,
  entity: Entity,
  rows: readonly EntityRow[],
  touched: readonly string[] = [],
) {
  for (const row of rows) {
    hlc.observe(row.updatedAt);
    hlc.observe(row.deletedAt);
  }
  const newest = newestById(rows);
  const kept = await tx.getServerRows(entity, [...new Set([...newest.keys(), ...touched])]);
  const plain = [...newest.values()].filter((r) => !kept.has(r.id)).map((r) => toLocalRow(entity, r));
  await tx.putRowsIfNewer(entity, plain);
  if (kept.size > 0) await rebaseKept(tx, entity, kept, newest);
}

/**
 * Moves the kept server rows forward to `newest`, replays each row's pending
 * items on top, and lets go of the server rows of rows left with none.
 */
async function rebaseKept(
  tx: StoreTx,
  entity: Entity,
  kept: Map<string, EntityRow | null>,
  newest: ReadonlyMap<string, EntityRow>,
) {
  const moved = new Map<string, EntityRow>();
  for (const [id, held] of kept) {
    const row = newest.get(id);
    if (row && !(held && held.rowVersion >= row.rowVersion)) moved.set(id, row);
  }
  const pending = new Map<string, OutboxItem[]>();
  for (const item of await tx.listOutbox({ status: 'pending', entity, entityIds: [...kept.keys()] })) {
    const items = pending.get(item.entityId) ?? [];
    pending.set(item.entityId, items);
    items.push(item);
  }

  const visible: EntityRow[] = [];
  const gone: string[] = [];
  const settled: string[] = [];
  for (const [id, held] of kept) {
    const items = pending.get(id) ?? [];
    const row = rebase(entity, moved.get(id) ?? held, items);
    if (row) visible.push(row);
    else gone.push(id);
    if (items.length === 0) {
      settled.push(id);
      moved.delete(id);
    }
  }
  await tx.putServerRows(entity, moved);
  await tx.deleteServerRows(entity, settled);
  await tx.putRows(entity, visible);
  await tx.deleteRows(entity, gone);
}

/**
 * Keeps the server's row aside before a row's first local change: until then
 * the visible row is the server's (null: the server has none yet), and the
 * change must stay undoable.
 */
export async function keepServerRow(tx: StoreTx, entity: Entity, id: string, visible: EntityRow | null) {
  const kept = await tx.getServerRows(entity, [id]);
  if (!kept.has(id)) await tx.putServerRows(entity, new Map([[id, visible]]));
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
