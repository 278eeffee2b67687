import type { SqlDriver, SqlValue } from './sql-driver.ts';

/** Ids per `IN (…)` list: under the 999 bound parameters of older SQLite builds. */
const IDS_PER_STATEMENT = 512;

/**
 * Splits ids into runs of `IDS_PER_STATEMENT`, then a power of two each: a
 * handful of statement texts, each prepared once, serve lists of every length.
 */
function* batches<T>(items: readonly T[]): Generator<T[]> {
  for (let i = 0; i < items.length; ) {
    const size = Math.min(IDS_PER_STATEMENT, 2 ** Math.floor(Math.log2(items.length - i)));
    yield items.slice(i, i + size);
    i += size;
  }
}

const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/** Runs `sql(list)` with `params`, then the ids as the `IN (list)`, in batches; the rows of all. */
export async function allIn<T>(
  db: SqlDriver,
  ids: readonly string[],
  sql: (list: string) => string,
  params: readonly SqlValue[] = [],
): Promise<T[]> {
  const out: T[] = [];
  for (const batch of batches(ids))
    out.push(...(await db.all<T>(sql(marks(batch.length)), [...params, ...batch])));
  return out;
}

/** Runs a statement that returns nothing for the ids, as `allIn`. */
export async function runIn(
  db: SqlDriver,
  ids: readonly string[],
  sql: (list: string) => string,
  params: readonly SqlValue[] = [],
) {
  for (const batch of batches(ids)) await db.run(sql(marks(batch.length)), [...params, ...batch]);
}

/** Runs `sql` once per parameter list: in one driver call where the driver can. */
export async function runMany(db: SqlDriver, sql: string, paramsList: readonly (readonly SqlValue[])[]) {
  if (paramsList.length === 0) return;
  if (db.runMany) return db.runMany(sql, paramsList);
  for (const params of paramsList) await db.run(sql, params);
}

/** `(?, ?, ?)` for one row of `width` columns. */
export const tuple = (width: number) => `(${marks(width)})`;

/** Bound parameters per statement: the 999 of older SQLite builds. */
const PARAMS_PER_STATEMENT = 999;

/**
 * Writes rows of `width` values with multi-row `VALUES` lists, as many rows per statement as
 * the parameter bound allows: `sql(values)` is the statement around the list, and `put`
 * appends a row's values to the statement's. One statement per ~80 rows instead of one per
 * row: on expo-sqlite each statement is a call into the database's thread (on the web, a
 * message to its worker), which cost most of a first sync.
 */
export async function runRows<T>(
  db: SqlDriver,
  sql: (values: string) => string,
  width: number,
  rows: readonly T[],
  put: (row: T, params: SqlValue[]) => void,
) {
  const per = Math.max(1, Math.floor(PARAMS_PER_STATEMENT / width));
  for (let i = 0; i < rows.length; i += per) {
    const end = Math.min(rows.length, i + per);
    const params: SqlValue[] = [];
    for (let j = i; j < end; j++) put(rows[j] as T, params);
    await db.run(sql(valuesList(width, end - i)), params);
  }
}

/** `(?, ?), (?, ?)` for `count` rows of `width`, made once per shape: a first sync writes thousands of statements of the same few. */
const lists = new Map<string, string>();
function valuesList(width: number, count: number): string {
  const key = `${width}x${count}`;
  let list = lists.get(key);
  if (list === undefined) {
    list = Array.from({ length: count }, () => tuple(width)).join(', ');
    lists.set(key, list);
  }
  return list;
}
