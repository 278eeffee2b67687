import type { PGlite, Transaction } from '@electric-sql/pglite';
import type pg from 'pg';

/**
 * Plain SQL on one connection of the underlying driver: migration scripts
 * (`exec`, the simple query protocol, several statements at once) and the
 * statements of a `SqlDb` transaction.
 */
export interface SqlRunner {
  exec(sql: string): Promise<void>;
  /**
   * One statement. With `prepare`, PostgreSQL keeps it parsed (and, once it
   * judges a generic plan as good, planned) on each connection, by a name of
   * its text: for a hot statement of fixed text whose values are parameters.
   */
  query<T>(sql: string, params?: unknown[], options?: QueryOptions): Promise<T[]>;
}

export interface QueryOptions {
  prepare?: boolean;
}

/** One name per statement text, for the life of the process. */
const statementNames = new Map<string, string>();
const statementName = (sql: string): string => {
  let name = statementNames.get(sql);
  if (!name) {
    name = `storesync_${statementNames.size + 1}`;
    statementNames.set(sql, name);
  }
  return name;
};

export const pgliteRunner = (db: PGlite | Transaction): SqlRunner => ({
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
  query: async <T>(sql: string, params?: unknown[], options?: QueryOptions) =>
    (options?.prepare
      ? await client.query({ name: statementName(sql), text: sql, values: params })
      : await client.query(sql, params)
    ).rows as T[],
});

/**
 * Transactions straight on the driver, for the sync engine's hot path: its
 * few large statements cost several times more through Prisma's raw-query
 * path (parameter and result conversion) than on the driver itself.
 */
export interface SqlDb {
  transaction<T>(fn: (tx: SqlRunner) => Promise<T>): Promise<T>;
  /** One statement on any free connection. */
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
}

export const pgPoolSql = (pool: pg.Pool): SqlDb => ({
  query: async <T>(sql: string, params?: unknown[]) => (await pool.query(sql, params)).rows as T[],
  async transaction(fn) {
    const client = await pool.connect();
    let broken = false;
    try {
      await client.query('BEGIN');
      const result = await fn(pgClientRunner(client));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      // A connection that cannot even roll back is not handed out again.
      await client.query('ROLLBACK').catch(() => {
        broken = true;
      });
      throw error;
    } finally {
      client.release(broken);
    }
  },
});

export const pgliteSql = (db: PGlite): SqlDb => ({
  transaction: (fn) => db.transaction((tx) => fn(pgliteRunner(tx))),
  query: pgliteRunner(db).query,
});
