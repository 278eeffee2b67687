import { createHash, randomUUID } from 'node:crypto';
import { migrations as committed } from './generated/migrations.ts';
import type { SqlRunner } from './sql.ts';

/** One migration: its folder name under `prisma/migrations` and its `migration.sql`. */
export interface Migration {
  name: string;
  sql: string;
}

// The same bookkeeping table Prisma's CLI keeps, so `prisma migrate deploy` and
// `migrate status` agree with what this applier did, and the other way round.
const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

// Any constant: serialises concurrent starters of the app on one database.
const MIGRATION_LOCK = 72_616_001;

/**
 * A migration whose first line is this runs outside a transaction, for statements
 * PostgreSQL refuses inside one (`CREATE INDEX CONCURRENTLY`). PostgreSQL runs several
 * statements sent at once as one implicit transaction, so such a statement must be the
 * only one in its file — as with Prisma's CLI.
 */
export const NO_TRANSACTION = '-- storesync: no-transaction';

const checksum = (sql: string) => createHash('sha256').update(sql).digest('hex');
const inTransaction = (sql: string) => sql.trimStart().split('\n', 1)[0]?.trim() !== NO_TRANSACTION;

interface Recorded {
  migration_name: string;
  checksum: string;
  finished_at: unknown;
  started_at: unknown;
  logs: string | null;
}

const failedError = (row: Recorded) =>
  new Error(
    `Migration ${row.migration_name} failed (started ${row.started_at instanceof Date ? row.started_at.toISOString() : String(row.started_at)}); no later migration is applied ` +
      `until it is resolved. Its log: ${row.logs ?? '(none)'}. Repair the database by hand, then set ` +
      `rolled_back_at on its row in _prisma_migrations (as \`prisma migrate resolve --rolled-back\` does) to retry it.`,
  );

/**
 * Applies the migrations that the database has not applied yet, in name order,
 * each in its own transaction unless it opts out (`NO_TRANSACTION`). A failure is
 * recorded as Prisma's CLI records it (`finished_at` null, `logs` set) and rethrown;
 * later runs refuse to go past it, or past a migration edited after it was applied.
 */
export async function applyMigrations(
  sql: SqlRunner,
  migrations: Migration[] = committed,
): Promise<string[]> {
  await sql.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
  try {
    await sql.exec(CREATE_TABLE);
    const done = await sql.query<Recorded>(
      'SELECT migration_name, checksum, finished_at, started_at, logs FROM "_prisma_migrations" WHERE rolled_back_at IS NULL',
    );
    const byName = new Map(done.map((m) => [m.migration_name, m]));
    const applied: string[] = [];
    for (const migration of migrations) {
      const row = byName.get(migration.name);
      if (row && !row.finished_at) throw failedError(row);
      if (row && row.checksum !== checksum(migration.sql))
        throw new Error(`Migration ${migration.name} was edited after it was applied`);
      if (row) continue;
      await applyOne(sql, migration);
      applied.push(migration.name);
    }
    return applied;
  } finally {
    await sql.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
  }
}

async function applyOne(sql: SqlRunner, { name, sql: script }: Migration): Promise<void> {
  const id = randomUUID();
  const transactional = inTransaction(script);
  try {
    if (transactional) await sql.exec('BEGIN');
    await sql.exec(script);
    await sql.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, finished_at, applied_steps_count)
       VALUES ($1, $2, $3, now(), 1)`,
      [id, checksum(script), name],
    );
    if (transactional) await sql.exec('COMMIT');
  } catch (error) {
    if (transactional) await sql.exec('ROLLBACK').catch(() => {});
    const message = error instanceof Error ? error.message : String(error);
    const logs = transactional
      ? `${message}\n(it ran in a transaction: nothing of it was applied)`
      : `${message}\n(it ran without a transaction: it may be partly applied)`;
    // Best effort: with the database gone, the original error is the one to report.
    await sql
      .query(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, logs, applied_steps_count)
         VALUES ($1, $2, $3, $4, 0)`,
        [id, checksum(script), name, logs],
      )
      .catch(() => {});
    throw new Error(`Migration ${name} failed: ${message}`, { cause: error });
  }
}

/** Which migrations the database lacks or has failed: both empty when it is up to date. */
export async function migrationStatus(
  sql: Pick<SqlRunner, 'query'>,
  migrations: Migration[] = committed,
): Promise<{ pending: string[]; failed: string[] }> {
  const [table] = await sql.query<{ exists: boolean }>(
    `SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS exists`,
  );
  const done = table?.exists
    ? await sql.query<{ migration_name: string; finished: boolean }>(
        'SELECT migration_name, finished_at IS NOT NULL AS finished FROM "_prisma_migrations" WHERE rolled_back_at IS NULL',
      )
    : [];
  const finished = new Set(done.filter((m) => m.finished).map((m) => m.migration_name));
  return {
    pending: migrations.map((m) => m.name).filter((n) => !finished.has(n)),
    failed: done.filter((m) => !m.finished).map((m) => m.migration_name),
  };
}
