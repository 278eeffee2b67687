import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type OpenDb, openDb } from './client.ts';

// Private PostgreSQL topologies (primary, replica, PgBouncer) for the tests that need them.
export { createTestClusters, type TestClusters, type TestClustersOptions } from './clusters.ts';

/** Where tests find PostgreSQL; any database on the server will do for admin work. */
export const TEST_ADMIN_URL =
  process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

const withDatabase = (url: string, name: string) => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
};

export interface TestDb extends OpenDb {
  url: string;
  /** Closes the client and drops the database. */
  drop(): Promise<void>;
}

/** Creates a fresh, migrated PostgreSQL database for one test file. */
export async function createTestDatabase(options: { poolSize?: number } = {}): Promise<TestDb> {
  const name = `storesync_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = withDatabase(TEST_ADMIN_URL, name);
  const opened = await openDb({ databaseUrl: url, ...options });
  return {
    ...opened,
    url,
    drop: async () => {
      await opened.close();
      const c = new pg.Client({ connectionString: TEST_ADMIN_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** A migrated in-memory PGlite database. */
export async function createPgliteDatabase(): Promise<TestDb> {
  const opened = await openDb({ dataDir: 'memory://' });
  return { ...opened, url: 'memory://', drop: opened.close };
}
