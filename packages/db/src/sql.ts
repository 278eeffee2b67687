import type { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';

/**
 * Plain SQL on the underlying driver, for what Prisma's query path cannot do:
 * multi-statement migration scripts (the simple query protocol).
 */
export interface SqlRunner {
  exec(sql: string): Promise<void>;
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
}

export const pgliteRunner = (db: PGlite): SqlRunner => ({
  exec: async (sql) => {
    await db.exec(sql);
  },
  query: async <T>(sql: string, params?: unknown[]) => (await db.query<T>(sql, params)).rows,
});

/** Runs on one dedicated pool client so that a session-level lock and a transaction hold. */
export const pgClientRunner = (client: pg.PoolClient | pg.Client): SqlRunner => ({
  exec: async (sql) => {
    await client.query(sql);
  },
  query: async <T>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as T[],
});
