import Database from 'better-sqlite3';
import type { SqlDriver, SqlValue } from './sql-driver.ts';
import { createSqlStore } from './sql-store.ts';
import type { Store } from './types.ts';

/** better-sqlite3 as a `SqlDriver`, with prepared statements cached by SQL text. */
export function betterSqliteDriver(db: Database.Database): SqlDriver {
  const statements = new Map<string, Database.Statement>();
  const prepare = (sql: string) => {
    let s = statements.get(sql);
    if (!s) {
      s = db.prepare(sql);
      statements.set(sql, s);
    }
    return s;
  };
  return {
    run: async (sql, params: readonly SqlValue[] = []) => {
      prepare(sql).run(...params);
    },
    runMany: async (sql, paramsList) => {
      const statement = prepare(sql);
      for (const params of paramsList) statement.run(params);
    },
    all: async <T>(sql: string, params: readonly SqlValue[] = []) => prepare(sql).all(...params) as T[],
    close: async () => {
      db.close();
    },
  };
}

/**
 * Opens (or creates) a SQLite file for the local database, set up for it.
 * `':memory:'` gives a throwaway database for tests.
 */
export function openSqliteDatabase(filename: string): Database.Database {
  const db = new Database(filename);
  if (filename === ':memory:') return db;
  // Write-ahead logging: readers never block the writer, and a crash loses no committed transaction.
  db.pragma('journal_mode = WAL');
  // A first sync dirties pages all over the id indexes in each page's transaction: checkpointing
  // every 10,000 pages rather than 1,000 writes about a quarter less; the WAL file is cut back after.
  db.pragma('wal_autocheckpoint = 10000');
  db.pragma('journal_size_limit = 8388608');
  return db;
}

/** The local database in a SQLite file on Node, migrated to the current schema. */
export async function openSqliteStore(filename: string): Promise<Store> {
  return createSqlStore(betterSqliteDriver(openSqliteDatabase(filename)));
}
