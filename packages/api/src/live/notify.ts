import type { SqlDb } from '@storesync/db';
import { defaultLogger, type Logger } from '../log.ts';
import { metrics } from '../metrics.ts';
import { encodePoke, POKE_CHANNEL, type PokeMessage } from './hub.ts';

/**
 * Tells every app process (each LISTENs) that a push committed. Sent after the
 * commit, never awaited by the push: a poke is a hint, and a lost one only
 * leaves the other devices to their timer, which is why a failure is logged
 * and counted (`storesync_notify_failures_total`) rather than thrown.
 */
export function notifyPush(sql: SqlDb, message: PokeMessage, logger: Logger = defaultLogger): void {
  sql.query('SELECT pg_notify($1, $2)', [POKE_CHANNEL, encodePoke(message)]).catch((error: unknown) => {
    metrics.notifyFailures.inc();
    logger.warn(
      { err: error, userId: message.userId, eventId: message.eventId },
      'pg_notify failed: the store’s other devices wait for their timer',
    );
  });
}
