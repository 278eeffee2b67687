import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaClient } from './generated/client.ts';
import { applyMigrations } from './migrate.ts';
import { pgClientRunner, pgliteRunner, pgliteSql, pgPoolSql, type SqlDb } from './sql.ts';

/** Prisma for the app's queries, and the driver itself (`sql`) for the sync engine's. */
export type Db = PrismaClient & { readonly sql: SqlDb };

export interface DbOptions {
  /** PostgreSQL connection string; without one, an embedded PGlite database in `dataDir`. */
  databaseUrl?: string | undefined;
  /** Folder for the embedded database; `memory://` keeps it in memory. */
  dataDir?: string;
  /** Connections in the pool (PostgreSQL only). */
  poolSize?: number;
}

export interface OpenDb {
  db: Db;
  kind: 'postgres' | 'pglite';
  close(): Promise<void>;
}

/** Opens the database, applies pending migrations, and returns a Prisma client on it. */
export async function openDb(options: DbOptions): Promise<OpenDb> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 10,
      // As Prisma's transaction `maxWait`: a request waits this long for a connection, then fails.
      connectionTimeoutMillis: 30_000,
    });
    // An idle connection dropped by the server must not crash the process; the pool replaces it.
    pool.on('error', () => {});
    const client = await pool.connect();
    try {
      await applyMigrations(pgClientRunner(client));
    } finally {
      client.release();
    }
    const db: Db = Object.assign(new PrismaClient({ adapter: new PrismaPg(pool) }), { sql: pgPoolSql(pool) });
    return {
      db,
      kind: 'postgres',
      close: async () => {
        await db.$disconnect();
        await pool.end();
      },
    };
  }
  const dataDir = options.dataDir ?? '.data/pglite';
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const pglite = await PGlite.create(dataDir);
  await applyMigrations(pgliteRunner(pglite));
  const db: Db = Object.assign(new PrismaClient({ adapter: new PrismaPGlite(pglite) }), {
    sql: pgliteSql(pglite),
  });
  return {
    db,
    kind: 'pglite',
    close: async () => {
      await db.$disconnect();
      await pglite.close();
    },
  };
}
