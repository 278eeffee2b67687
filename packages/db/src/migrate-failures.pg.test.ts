import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyMigrations, type Migration, migrationStatus, NO_TRANSACTION } from './migrate.ts';
import { pgClientRunner } from './sql.ts';
import { TEST_ADMIN_URL } from './testing.ts';

// Throwaway migration sets against an empty database each, not the committed ones.
const withAdmin = async (sql: string) => {
  const admin = new pg.Client({ connectionString: TEST_ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
};

let name: string;
let client: pg.Client;
beforeEach(async () => {
  name = `storesync_migrate_${randomBytes(6).toString('hex')}`;
  await withAdmin(`CREATE DATABASE ${name}`);
  const url = new URL(TEST_ADMIN_URL);
  url.pathname = `/${name}`;
  client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
});
afterEach(async () => {
  await client.end();
  await withAdmin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
});

const run = (migrations: Migration[]) => applyMigrations(pgClientRunner(client), migrations);
const rows = async () =>
  (
    await client.query(
      'SELECT migration_name, finished_at, logs, applied_steps_count FROM _prisma_migrations ORDER BY started_at, migration_name',
    )
  ).rows;
const table = { name: '001_table', sql: 'CREATE TABLE items (id int PRIMARY KEY, label text);' };
const concurrently = {
  name: '002_index',
  sql: `${NO_TRANSACTION}\nCREATE INDEX CONCURRENTLY items_label ON items (label);`,
};
const broken = {
  name: '002_broken',
  sql: 'CREATE TABLE half (id int);\nINSERT INTO no_such_table VALUES (1);',
};
const later = { name: '003_later', sql: 'CREATE TABLE later (id int);' };

describe('applyMigrations on throwaway migrations', () => {
  it('runs a migration that opts out of the transaction, so CREATE INDEX CONCURRENTLY works', async () => {
    expect(await run([table, concurrently])).toEqual(['001_table', '002_index']);
    const index = await client.query(
      `SELECT indisvalid FROM pg_index WHERE indexrelid = 'items_label'::regclass`,
    );
    expect(index.rows).toEqual([{ indisvalid: true }]);
    expect((await rows()).map((r) => [r.migration_name, r.finished_at !== null])).toEqual([
      ['001_table', true],
      ['002_index', true],
    ]);
    expect(await migrationStatus(pgClientRunner(client), [table, concurrently])).toEqual({
      pending: [],
      failed: [],
    });
  });

  it('records a failed migration as Prisma does, rolls it back, and refuses to go past it', async () => {
    await expect(run([table, broken, later])).rejects.toThrow(/Migration 002_broken failed: .*no_such_table/);
    const failed = (await rows()).find((r) => r.migration_name === '002_broken');
    expect(failed).toMatchObject({ finished_at: null, applied_steps_count: 0 });
    expect(failed?.logs).toMatch(/no_such_table[\s\S]*nothing of it was applied/);
    // Its transaction was rolled back: the table it created first is not there.
    expect((await client.query(`SELECT to_regclass('half') AS t`)).rows).toEqual([{ t: null }]);
    expect(await migrationStatus(pgClientRunner(client), [table, broken, later])).toEqual({
      pending: ['002_broken', '003_later'],
      failed: ['002_broken'],
    });

    // A later start stops at it with a message that says what to do, and applies nothing after it.
    await expect(run([table, broken, later])).rejects.toThrow(
      /Migration 002_broken failed \(started .*\); no later migration is applied until it is resolved.*no_such_table.*rolled_back_at/s,
    );
    expect((await client.query(`SELECT to_regclass('later') AS t`)).rows).toEqual([{ t: null }]);

    // Resolved as `prisma migrate resolve --rolled-back` does, a fixed file applies.
    await client.query(
      `UPDATE _prisma_migrations SET rolled_back_at = now() WHERE migration_name = '002_broken'`,
    );
    const fixed = { name: '002_broken', sql: 'CREATE TABLE half (id int);' };
    expect(await run([table, fixed, later])).toEqual(['002_broken', '003_later']);
  });

  it('says a failed migration without a transaction may be partly applied', async () => {
    const partial = {
      name: '002_partial',
      sql: `${NO_TRANSACTION}\nCREATE INDEX CONCURRENTLY items_missing ON items (no_such_column);`,
    };
    await expect(run([table, partial])).rejects.toThrow(/Migration 002_partial failed: .*no_such_column/);
    const failed = (await rows()).find((r) => r.migration_name === '002_partial');
    expect(failed?.finished_at).toBeNull();
    expect(failed?.logs).toMatch(/without a transaction: it may be partly applied/);
  });

  it('reports every migration pending on a database never migrated', async () => {
    expect(await migrationStatus(pgClientRunner(client), [table, later])).toEqual({
      pending: ['001_table', '003_later'],
      failed: [],
    });
  });
});
