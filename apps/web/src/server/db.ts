import { type Db, type OpenDb, openDb } from '@storesync/db';
import { env } from '~/env';

// Next loads server code more than once (instrumentation, pages, route handlers, dev
// reloads); one database per process, above all one PGlite per data folder.
const holder = globalThis as unknown as { storesyncDb?: Promise<OpenDb>; storesyncDbClosed?: boolean };

/**
 * The process's database, opened (and migrated) at boot by `instrumentation.ts`.
 * After `closeDb` it refuses rather than open the data folder a second time.
 */
export function getOpenDb(): Promise<OpenDb> {
  if (holder.storesyncDbClosed) return Promise.reject(new Error('the server is shutting down'));
  holder.storesyncDb ??= openDb({
    databaseUrl: env.DATABASE_URL,
    directUrl: env.DATABASE_DIRECT_URL,
    replicaUrl: env.DATABASE_REPLICA_URL,
    dataDir: env.DATA_DIR,
    poolSize: env.DATABASE_POOL_SIZE,
    ...(env.DATABASE_REPLICA_POOL_SIZE ? { replicaPoolSize: env.DATABASE_REPLICA_POOL_SIZE } : {}),
  }).catch((error) => {
    holder.storesyncDb = undefined;
    throw error;
  });
  return holder.storesyncDb;
}

export const getDb = async (): Promise<Db> => (await getOpenDb()).db;

/** Closes the pool or PGlite (which must be closed cleanly to keep its folder sound), once. */
export async function closeDb(): Promise<void> {
  holder.storesyncDbClosed = true;
  const opening = holder.storesyncDb;
  holder.storesyncDb = undefined;
  // A database that never opened has nothing to close.
  const opened = await opening?.catch(() => undefined);
  await opened?.close();
}
