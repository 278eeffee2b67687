import { createHash, randomUUID } from 'node:crypto';
import { migrations } from './generated/migrations.ts';
import type { SqlRunner } from './sql.ts';

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

const checksum = (sql: string) => createHash('sha256').update(sql).digest('hex');

/**
 * Applies the committed migrations that the database has not applied yet, each
 * in its own transaction. Refuses to run when an applied migration's file has
 * changed or a migration failed half-way, as Prisma's CLI does.
 */
export async function applyMigrations(sql: SqlRunner): Promise<string[]> {
  await sql.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
  try {
    await sql.exec(CREATE_TABLE);
    const done = await sql.query<{ migration_name: string; checksum: string; finished_at: unknown }>(
      'SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL',
    );
    const byName = new Map(done.map((m) => [m.migration_name, m]));
    const applied: string[] = [];
    for (const { name, sql: script } of migrations) {
      const row = byName.get(name);
      if (row && !row.finished_at) throw new Error(`migration ${name} failed earlier; resolve it by hand`);
      if (row && row.checksum !== checksum(script))
        throw new Error(`migration ${name} was edited after it was applied`);
      if (row) continue;
      await sql.exec(`BEGIN;\n${script}\n;`);
      await sql.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, finished_at, applied_steps_count)
         VALUES ($1, $2, $3, now(), 1)`,
        [randomUUID(), checksum(script), name],
      );
      await sql.exec('COMMIT');
      applied.push(name);
    }
    return applied;
  } catch (error) {
    await sql.exec('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    await sql.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
  }
}
