import type { SqlRunner } from '@storesync/db';
import { ENTITIES, type Entity } from '@storesync/schema';
import { type LedgerReads, ledgerParts, NO_LEDGER_READS } from './ledger-reads.ts';
import { fromRecord, STORE_ID, type StoredRow, tableOf } from './tables.ts';

export interface BatchState {
  /** Event uuids the store has already applied, with their event ids. */
  applied: Map<string, number>;
  rows: Record<Entity, Map<string, StoredRow>>;
}

/**
 * Everything a batch needs to know, in one round trip: which of its event uuids
 * were applied before (in the log, or compacted out of it: sync/compact.ts), and the current state of every row it touches or refers to.
 * Each id is a LATERAL probe of a unique index on (user_id, …), so the cost is
 * the batch's size whatever the planner believes about a fast-growing store
 * (with stale statistics it used to scan all of the store's events and rows,
 * making every push slower than the last; see STORE_ID for the store's id).
 * `LIMIT 1` keeps the planner from flattening the probe back into a join; the
 * index is unique, so it drops nothing. `ledger` adds the rows the ledger rules
 * need (ledger-reads.ts), in the same round trip.
 */
export async function readBatchState(
  tx: SqlRunner,
  userId: string,
  eventUuids: string[],
  ids: Record<Entity, string[]>,
  ledger: LedgerReads = NO_LEDGER_READS,
): Promise<BatchState> {
  const params: unknown[] = [userId, eventUuids];
  const parts = [
    `SELECT 'event' AS k, e.event_uuid::text AS a, e.event_id::text AS b
     FROM unnest($2::uuid[]) AS u(id), LATERAL (SELECT event_uuid, event_id FROM sync_events
       WHERE user_id = ${STORE_ID} AND event_uuid = u.id
       UNION ALL SELECT event_uuid, event_id FROM compacted_events
       WHERE user_id = ${STORE_ID} AND event_uuid = u.id LIMIT 1) e`,
  ];
  for (const entity of ENTITIES) {
    if (ids[entity].length === 0) continue;
    params.push(ids[entity]);
    parts.push(`SELECT '${entity}', to_jsonb(t)::text, NULL
     FROM unnest($${params.length}::uuid[]) AS u(id), LATERAL (SELECT * FROM ${tableOf(entity)}
       WHERE user_id = ${STORE_ID} AND id = u.id LIMIT 1) t`);
  }
  parts.push(...ledgerParts(params, ledger));
  const found = await tx.query<{ k: string; a: string; b: string | null }>(
    parts.join('\nUNION ALL\n'),
    params,
    { prepare: true },
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
