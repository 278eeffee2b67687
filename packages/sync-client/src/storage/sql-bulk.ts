import { ENTITIES } from '@storesync/schema';
import type { SqlDriver } from './sql-driver.ts';

const IN_ENTITIES = `(${ENTITIES.map(() => '?').join(', ')})`;

/**
 * Sets the entity tables' secondary indexes aside for a bulk load into a book that holds
 * little (a first sync): a row put into an index whose keys come in no particular order
 * (names, dates) costs more than the row itself. 100,000 customers: 1.9 s with their
 * indexes kept, 0.6 s without and 0.2 s to build them once after (docs/benchmarks.md). What
 * is set aside is recorded in the same transaction as the drop, so a crash midway loses no
 * index: `buildIndexes` runs at the next open.
 */
export async function deferIndexes(db: SqlDriver): Promise<void> {
  const held = await db.all<{ name: string; sql: string }>(
    `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ${IN_ENTITIES}`,
    [...ENTITIES],
  );
  for (const index of held) {
    await db.run('INSERT OR REPLACE INTO deferred_indexes (name, sql) VALUES (?, ?)', [
      index.name,
      index.sql,
    ]);
    await db.run(`DROP INDEX "${index.name}"`);
  }
}

/** Builds the indexes `deferIndexes` set aside, each once (none are: nothing to do). */
export async function buildIndexes(db: SqlDriver): Promise<void> {
  const deferred = await db.all<{ name: string; sql: string }>('SELECT name, sql FROM deferred_indexes');
  if (deferred.length === 0) return;
  // IF NOT EXISTS: a schema migration between the drop and now may have made one again.
  for (const index of deferred)
    await db.run(index.sql.replace(/^CREATE (UNIQUE )?INDEX /i, 'CREATE $1INDEX IF NOT EXISTS '));
  await db.run('DELETE FROM deferred_indexes');
}
