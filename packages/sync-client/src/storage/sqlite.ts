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
    all: async <T>(sql: string, params: readonly SqlValue[] = []) => prepare(sql).all(...params) as T[],
    close: async () => {
      db.close();
    },
  };
}

/**
 * Opens (or creates) the local database in a SQLite file on Node, migrated to
 * the current schema. `':memory:'` gives a throwaway database for tests.
 */
export async function openSqliteStore(filename: string): Promise<Store> {
  const db = new Database(filename);
  // Write-ahead logging: readers never block the writer, and a crash loses no committed transaction.
  if (filename !== ':memory:') db.pragma('journal_mode = WAL');
  return createSqlStore(betterSqliteDriver(db));
}
