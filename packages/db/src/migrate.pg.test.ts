import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations } from './migrate.ts';
import { pgClientRunner } from './sql.ts';
import { createTestDatabase, type TestDb } from './testing.ts';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

describe('applyMigrations', () => {
  it('records every migration as Prisma does and applies nothing twice', async () => {
    const client = new pg.Client({ connectionString: t.url });
    await client.connect();
    try {
      const rows = (
        await client.query('SELECT migration_name, checksum, finished_at FROM _prisma_migrations')
      ).rows;
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((r) => r.finished_at !== null && /^[0-9a-f]{64}$/.test(r.checksum))).toBe(true);
      expect(await applyMigrations(pgClientRunner(client))).toEqual([]);
      const tables = (
        await client.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`)
      ).rows.map((r) => r.table_name);
      expect(tables).toEqual(
        expect.arrayContaining([
          'users',
          'sessions',
          'customers',
          'debts',
          'payments',
          'sales',
          'sync_events',
        ]),
      );
    } finally {
      await client.end();
    }
  });

  it('refuses to run when an applied migration was edited', async () => {
    const client = new pg.Client({ connectionString: t.url });
    await client.connect();
    try {
      await client.query(`UPDATE _prisma_migrations SET checksum = repeat('0', 64)`);
      await expect(applyMigrations(pgClientRunner(client))).rejects.toThrow(/edited after it was applied/);
    } finally {
      await client.end();
    }
  });
});
