import type { SqlDb } from '@storesync/db';
import { encodePoke, POKE_CHANNEL, type PokeMessage } from './hub.ts';

/**
 * Tells every app process (each LISTENs) that a push committed. Sent after the
 * commit, never awaited by the push: a poke is a hint, and a lost one only
 * leaves the other devices to their timer.
 */
export function notifyPush(sql: SqlDb, message: PokeMessage): void {
  sql.query('SELECT pg_notify($1, $2)', [POKE_CHANNEL, encodePoke(message)]).catch(() => undefined);
}
