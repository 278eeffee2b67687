import type { SqlDriver, SqlValue } from './sql-driver.ts';
import { createSqlStore } from './sql-store.ts';
import type { Store } from './types.ts';

/** What the adapter needs of an expo-sqlite prepared statement (`SQLiteStatement`). */
export interface ExpoSqliteStatementLike {
  executeAsync(params: SqlValue[]): Promise<unknown>;
  finalizeAsync(): Promise<void>;
}

/**
 * What the adapter needs of expo-sqlite's `SQLiteDatabase`, as its own
 * signatures (SDK 56): the real database is assignable to it, and this package
 * needs no expo dependency.
 */
export interface ExpoSqliteDatabaseLike {
  runAsync(sql: string, params: SqlValue[]): Promise<unknown>;
  getAllAsync<T>(sql: string, params: SqlValue[]): Promise<T[]>;
  prepareAsync(sql: string): Promise<ExpoSqliteStatementLike>;
  execAsync(sql: string): Promise<void>;
  closeAsync(): Promise<void>;
}

/** expo-sqlite's async API as a `SqlDriver`: a pulled page is one prepared statement run per row. */
export function expoSqliteDriver(db: ExpoSqliteDatabaseLike): SqlDriver {
  return {
    run: async (sql, params = []) => {
      await db.runAsync(sql, [...params]);
    },
    async runMany(sql, paramsList) {
      const statement = await db.prepareAsync(sql);
      try {
        for (const params of paramsList) await statement.executeAsync([...params]);
      } finally {
        await statement.finalizeAsync();
      }
    },
    all: (sql, params = []) => db.getAllAsync(sql, [...params]),
    close: () => db.closeAsync(),
  };
}

/**
 * The local database on expo-sqlite (iOS, Android, and web through wa-sqlite).
 * Give it a connection of its own, `openDatabaseAsync(name, { useNewConnection: true })`:
 * expo-sqlite runs every query issued on a connection while a transaction is
 * open there inside that transaction, so an app query on the sync's connection
 * could see, or be rolled back with, a sync's half-written page. On web,
 * though, expo-sqlite's VFS (wa-sqlite's AccessHandlePool) takes no file locks:
 * there, read the book through the sync client only, and open no other
 * connection to its file, which could take a sync's journal for a crashed one.
 */
export async function createExpoSqliteStore(db: ExpoSqliteDatabaseLike): Promise<Store> {
  await db.execAsync(
    [
      // Before anything is written (a book already made keeps its own): a page is one call into
      // the file layer, which on the web is a message to the browser's storage each; 16 KiB pages
      // made a first sync of 22,000 rows a second faster than 4 KiB ones.
      'PRAGMA page_size = 16384',
      // Write-ahead logging where the platform's SQLite has it (SQLite keeps the old mode where
      // not: wa-sqlite on the web): the app's connection reads while a sync writes.
      'PRAGMA journal_mode = WAL',
      // And wait out its lock.
      'PRAGMA busy_timeout = 5000',
      // SQLite's default 2 MiB cache re-read most of a big book's index pages from the file
      // during a first sync (3.7 of its 9 s on the web); 32 MiB holds a book of 20,000 entries.
      'PRAGMA cache_size = -32768',
      // Sorting for an index build or a query stays in memory, not in files on the phone's storage.
      'PRAGMA temp_store = MEMORY',
    ]
      .map((p) => `${p};`)
      .join(' '),
  );
  const [mode] = await db.getAllAsync<{ journal_mode: string }>('PRAGMA journal_mode', []);
  // Without WAL (the web), the rollback journal is kept between transactions rather than made
  // and deleted for each: on the web each is a write and a flush of the browser's storage.
  if (mode?.journal_mode === 'delete')
    await db.execAsync('PRAGMA journal_mode = PERSIST; PRAGMA journal_size_limit = 4194304;');
  return createSqlStore(expoSqliteDriver(db));
}
