import { type Db, type OpenDb, openDb } from '@storesync/db';
import { env } from '~/env';

// Next loads server code more than once (pages, route handlers, dev reloads);
// one database per process, above all one PGlite per data folder.
const holder = globalThis as unknown as { storesyncDb?: Promise<OpenDb> };

export function getOpenDb(): Promise<OpenDb> {
  holder.storesyncDb ??= openDb({
    databaseUrl: env.DATABASE_URL,
    dataDir: env.DATA_DIR,
    poolSize: env.DATABASE_POOL_SIZE,
  }).catch((error) => {
    holder.storesyncDb = undefined;
    throw error;
  });
  return holder.storesyncDb;
}

export const getDb = async (): Promise<Db> => (await getOpenDb()).db;
