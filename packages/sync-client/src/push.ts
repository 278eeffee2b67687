import type { Entity, EntityRow, PushOutput } from '@storesync/schema';
import { describeError, failureKind } from './errors.ts';
import type { Hlc } from './hlc.ts';
import { recordAttemptFailed, recordUndeliverable, settleItem, toPushEvent } from './outbox.ts';
import { acceptServerRows, assertBoundTo } from './reconcile.ts';
import type { OutboxItem, Store } from './storage/types.ts';
import type { SyncApi } from './transport.ts';

export interface PushDeps {
  store: Store;
  api: SyncApi;
  hlc: Hlc;
  deviceId: string;
  /** The store this sync is for: nothing is written once the book belongs to another. */
  userId: string;
  /** At most 500, the server's limit. */
  batchSize: number;
}

/**
 * Sends pending outbox items, oldest first, in batches, until none is left.
 * A failed request leaves its items pending and throws; the runner retries
 * later and the server deduplicates by event uuid.
 */
export async function pushOutbox(deps: PushDeps): Promise<void> {
  for (;;) {
    const items = await deps.store.transaction(async (tx) => {
      await assertBoundTo(tx, deps.userId);
      return tx.listOutbox({ status: 'pending', limit: deps.batchSize });
    });
    if (items.length === 0) return;
    const settled = await pushBatch(deps, items);
    // Guards the loop against a server that answers none of the events.
    if (settled === 0) throw new Error('sync.push answered none of the events sent');
  }
}

/** Pushes one batch and records the answers; returns how many items left the queue. */
async function pushBatch(deps: PushDeps, items: OutboxItem[]): Promise<number> {
  let output: PushOutput;
  try {
    output = await deps.api.push({ deviceId: deps.deviceId, events: items.map(toPushEvent) });
  } catch (error) {
    const [first] = items;
    if (failureKind(error) === 'too-large' && first) {
      // Halve until it fits; a single item over the limit can never be delivered.
      if (items.length > 1) return pushBatch(deps, items.slice(0, Math.ceil(items.length / 2)));
      await deps.store.transaction(async (tx) => {
        await assertBoundTo(tx, deps.userId);
        await recordUndeliverable(tx, first, describeError(error));
        // Undone like a rejected item: the row goes back to the server's.
        await acceptServerRows(tx, deps.hlc, first.entity, [], [first.entityId]);
      });
      return 1;
    }
    await deps.store.transaction(async (tx) => {
      await assertBoundTo(tx, deps.userId);
      await recordAttemptFailed(tx, items, describeError(error));
    });
    throw error;
  }
  return deps.store.transaction(async (tx) => {
    await assertBoundTo(tx, deps.userId);
    const results = new Map(output.results.map((r) => [r.eventUuid, r]));
    const answered = new Map<Entity, { rows: EntityRow[]; ids: string[] }>();
    let settled = 0;
    for (const item of items) {
      const result = results.get(item.eventUuid);
      if (!result) continue;
      const row = await settleItem(tx, item, result);
      const group = answered.get(item.entity) ?? { rows: [], ids: [] };
      answered.set(item.entity, group);
      if (row) group.rows.push(row);
      group.ids.push(item.entityId);
      settled += 1;
    }
    deps.hlc.observe(output.serverTime);
    for (const [entity, { rows, ids }] of answered) await acceptServerRows(tx, deps.hlc, entity, rows, ids);
    await tx.setState({ clock: deps.hlc.current() });
    return settled;
  });
}
