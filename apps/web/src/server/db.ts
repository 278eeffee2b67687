import { observePool } from '@storesync/api';
import { type Db, type DbOptions, type OpenDb, openDb } from '@storesync/db';
import { env } from '~/env';
import { serverLog } from './log';

/** The boot's wait for a PostgreSQL that does not answer yet: how to end it, and why it goes on. */
interface Waiting {
  stop: AbortController;
  lastError?: unknown;
}

// Next loads server code more than once (instrumentation, pages, route handlers, dev
// reloads); one database per process, above all one PGlite per data folder.
const holder = globalThis as unknown as {
  storesyncDb?: Promise<OpenDb>;
  storesyncDbClosed?: boolean;
  storesyncDbWaiting?: Waiting;
};

/** The pools' use and waiting, on /metrics. */
function observed(open: OpenDb): OpenDb {
  if (open.pools) observePool('primary', open.pools.primary);
  if (open.pools?.replica) observePool('replica', open.pools.replica);
  return open;
}

const dbOptions = (wait?: DbOptions['wait']): DbOptions => ({
  databaseUrl: env.DATABASE_URL,
  directUrl: env.DATABASE_DIRECT_URL,
  replicaUrl: env.DATABASE_REPLICA_URL,
  dataDir: env.DATA_DIR,
  poolSize: env.DATABASE_POOL_SIZE,
  ...(env.DATABASE_REPLICA_POOL_SIZE ? { replicaPoolSize: env.DATABASE_REPLICA_POOL_SIZE } : {}),
  wait,
});

/**
 * What a request gets while the boot waits for PostgreSQL: SQLSTATE 57P03 ("cannot connect
 * now"), which the API answers as its database-down 503 with Retry-After.
 */
const notYet = (cause: unknown) =>
  Object.assign(new Error('the server is still waiting for the database to answer', { cause }), {
    code: '57P03',
  });

/**
 * The process's database, opened (and migrated) at boot by `instrumentation.ts`.
 * While the boot still waits for PostgreSQL it refuses at once rather than hold the request.
 * After `closeDb` it refuses rather than open the data folder a second time.
 */
export function getOpenDb(): Promise<OpenDb> {
  if (holder.storesyncDbClosed) return Promise.reject(new Error('the server is shutting down'));
  const waiting = holder.storesyncDbWaiting;
  if (waiting) return Promise.reject(notYet(waiting.lastError));
  holder.storesyncDb ??= openDb(dbOptions()).then(observed, (error) => {
    holder.storesyncDb = undefined;
    throw error;
  });
  return holder.storesyncDb;
}

export const getDb = async (): Promise<Db> => (await getOpenDb()).db;

/**
 * Opens the database at boot. A PostgreSQL that does not answer yet is waited for, with
 * backoff, for DATABASE_WAIT_SECONDS (forever when unset), each failed attempt logged, and
 * `onWaiting` told of the first; until it has opened and migrated, `getOpenDb` refuses.
 * Rejects on misconfiguration, a failed migration, or when the wait's bound passes.
 */
export function openAtBoot(onWaiting: () => void): Promise<OpenDb> {
  if (!env.DATABASE_URL) return getOpenDb();
  const waiting: Waiting = { stop: new AbortController() };
  const limit = env.DATABASE_WAIT_SECONDS;
  holder.storesyncDbWaiting = waiting;
  const opening = openDb(
    dbOptions({
      maxWaitMs: limit === undefined ? undefined : limit * 1000,
      signal: waiting.stop.signal,
      onRetry: ({ attempt, error, delayMs, waitedMs }) => {
        waiting.lastError = error;
        // The reason without a stack: this line comes back every few seconds for as long as it takes.
        const { code, message } = error as { code?: string; message?: string };
        serverLog.warn(
          { attempt, retryInMs: delayMs, waitedMs, waitLimitSeconds: limit ?? null, code, reason: message },
          'PostgreSQL does not answer yet; retrying',
        );
        if (attempt === 1) onWaiting();
      },
    }),
  ).finally(() => {
    if (holder.storesyncDbWaiting === waiting) holder.storesyncDbWaiting = undefined;
  });
  holder.storesyncDb = opening.then(observed, (error) => {
    holder.storesyncDb = undefined;
    throw error;
  });
  return holder.storesyncDb;
}

/** Closes the pool or PGlite (which must be closed cleanly to keep its folder sound), once. */
export async function closeDb(): Promise<void> {
  holder.storesyncDbClosed = true;
  // A stop while the boot waits for PostgreSQL ends the wait.
  holder.storesyncDbWaiting?.stop.abort(new Error('the server is shutting down'));
  const opening = holder.storesyncDb;
  holder.storesyncDb = undefined;
  // A database that never opened has nothing to close.
  const opened = await opening?.catch(() => undefined);
  await opened?.close();
}
