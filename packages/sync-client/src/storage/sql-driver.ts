export type SqlValue = string | number | null;

/**
 * The whole of what the SQL store needs from a SQLite binding: one connection,
 * positional `?` parameters. better-sqlite3 (Node), expo-sqlite (`runAsync`,
 * `getAllAsync`) and op-sqlite (`execute`) each map onto it in a few lines.
 */
export interface SqlDriver {
  /** Runs a statement that returns no rows. */
  run(sql: string, params?: readonly SqlValue[]): Promise<void>;
  /**
   * Runs one statement once per parameter list: a prepared statement run in a
   * loop, which is how a pulled page is written. Optional: without it the
   * store calls `run` for each list.
   */
  runMany?(sql: string, paramsList: readonly (readonly SqlValue[])[]): Promise<void>;
  /** Runs a query; each row is an object keyed by column name. */
  all<T>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  close(): Promise<void>;
}
