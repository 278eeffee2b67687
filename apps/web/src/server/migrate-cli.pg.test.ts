import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { migrationStatus } from '@storesync/db';
import { createTestDatabase, type TestDb } from '@storesync/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../..', import.meta.url));
const dbMigrate = (env: NodeJS.ProcessEnv) =>
  spawnSync('pnpm', ['--silent', 'db:migrate'], { cwd: root, env, encoding: 'utf8', timeout: 60_000 });

let t: TestDb;
beforeAll(async () => {
  t = await createTestDatabase({ poolSize: 1 });
  // Start from a database that has never been migrated.
  await t.db.sql.query('DROP SCHEMA public CASCADE');
  await t.db.sql.query('CREATE SCHEMA public');
});
afterAll(() => t.drop());

describe('pnpm db:migrate', () => {
  it('applies every migration to an empty DATABASE_URL, for a deploy step', async () => {
    expect((await migrationStatus(t.db.sql)).pending.length).toBeGreaterThan(0);
    const run = dbMigrate({ ...process.env, DATABASE_URL: t.url });
    expect(run.stdout).toMatch(/Database is up to date/);
    expect(run.status).toBe(0);
    expect(await migrationStatus(t.db.sql)).toEqual({ pending: [], failed: [] });
  });

  it('refuses without DATABASE_URL rather than open the embedded database beside a running app', () => {
    const env = { ...process.env };
    delete env.DATABASE_URL;
    const run = dbMigrate(env);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/DATABASE_URL is not set/);
  });
});
