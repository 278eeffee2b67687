import type { SqlRunner } from '@storesync/db';

/**
 * Serialises every write to one store, for the length of the transaction.
 *
 * Why pullers never skip an event: `sync_events.event_id` comes from a sequence,
 * and ids are only drawn while this lock is held. The lock is released after
 * the holder's commit is already visible (PostgreSQL ends a transaction's
 * visibility before it releases its locks), so for one store, a transaction
 * with larger ids can only commit after every transaction with smaller ids has
 * committed or rolled back. A puller reading `event_id > cursor` therefore sees
 * a gap-free prefix of the store's log: no smaller id can appear later. Other
 * stores are not blocked; their ids interleave but are never in this store's
 * pull.
 */
export async function lockStore(tx: SqlRunner, userId: string): Promise<void> {
  await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 7)), ${BY_ID_ONLY}`, [`store:${userId}`]);
}

/**
 * For the rest of the push's transaction (in the lock's round trip): no hash or
 * merge joins. Every row a push reads or updates is one it names by id, so the
 * right plan is always an index probe per row; the planner cannot know how many
 * rows a parameter array holds and, for a store that grew since the last
 * ANALYZE, how large the store is, and it used to hash the whole store to
 * update ten of its rows.
 */
const BY_ID_ONLY = `set_config('enable_hashjoin', 'off', true), set_config('enable_mergejoin', 'off', true)`;
