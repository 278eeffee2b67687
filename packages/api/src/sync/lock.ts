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
  await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 7))', [`store:${userId}`]);
}
