import Database from 'better-sqlite3';
import type { ExpoSqliteDatabaseLike } from '../storage/expo-sqlite.ts';

/**
 * expo-sqlite's async database API on better-sqlite3, for testing the expo
 * adapter on Node: each call is one statement on this connection, as expo's is.
 */
export function expoLikeDatabase(filename: string): ExpoSqliteDatabaseLike {
  const db = new Database(filename);
  return {
    runAsync: async (sql, params) => db.prepare(sql).run(params),
    getAllAsync: async <T>(sql: string, params: unknown[]) => db.prepare(sql).all(params) as T[],
    async prepareAsync(sql) {
      const statement = db.prepare(sql);
      return {
        executeAsync: async (params) => statement.run(params),
        finalizeAsync: async () => undefined,
      };
    },
    execAsync: async (sql) => {
      db.exec(sql);
    },
    closeAsync: async () => {
      db.close();
    },
  };
}
