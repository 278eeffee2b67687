import type { Tx } from '@storesync/db';
import { ENTITIES, type Entity } from '@storesync/schema';
import { fromRecord, type StoredRow, tableOf } from './tables.ts';

export interface BatchState {
  /** Event uuids the store has already applied, with their event ids. */
  applied: Map<string, number>;
  rows: Record<Entity, Map<string, StoredRow>>;
}

/**
 * Everything a batch needs to know, in one round trip: which of its event uuids
 * were applied before, and the current state of every row it touches or refers to.
 */
export async function readBatchState(
  tx: Tx,
  userId: string,
  eventUuids: string[],
  ids: Record<Entity, string[]>,
): Promise<BatchState> {
  const params: unknown[] = [userId, eventUuids];
  const parts = [
    `SELECT 'event' AS k, event_uuid::text AS a, event_id::text AS b FROM sync_events
     WHERE user_id = $1::uuid AND event_uuid = ANY($2::uuid[])`,
  ];
  for (const entity of ENTITIES) {
    if (ids[entity].length === 0) continue;
    params.push(ids[entity]);
    parts.push(`SELECT '${entity}', to_jsonb(t)::text, NULL FROM ${tableOf(entity)} t
     WHERE t.user_id = $1::uuid AND t.id = ANY($${params.length}::uuid[])`);
  }
  const found = await tx.$queryRawUnsafe<{ k: string; a: string; b: string | null }[]>(
    parts.join('\nUNION ALL\n'),
    ...params,
  );
  const state: BatchState = {
    applied: new Map(),
    rows: Object.fromEntries(ENTITIES.map((e) => [e, new Map()])) as BatchState['rows'],
  };
  for (const { k, a, b } of found) {
    if (k === 'event') state.applied.set(a, Number(b));
    else {
      const row = fromRecord(k as Entity, JSON.parse(a));
      state.rows[k as Entity].set(row.id, row);
    }
  }
  return state;
}
