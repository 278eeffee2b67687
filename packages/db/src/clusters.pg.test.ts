import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from './client.ts';
import { createTestClusters, type TestClusters } from './clusters.ts';

let c: TestClusters;
beforeAll(async () => {
  c = await createTestClusters();
}, 120_000);
afterAll(() => c?.stop(), 60_000);

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
const one = async <T>(url: string, sql: string, params: unknown[] = []) =>
  withClient(url, async (client) => (await client.query(sql, params)).rows[0] as T);
const port = (url: string) => new URL(url).port;

describe('createTestClusters', () => {
  it('makes a streaming, read-only replica of the primary', async () => {
    await one(c.primaryUrl, 'CREATE TABLE t (id int)');
    await one(c.primaryUrl, 'INSERT INTO t VALUES (1), (2)');
    await c.catchUp();
    expect(await one(c.replicaUrl, 'SELECT pg_is_in_recovery() AS r, count(*)::int AS n FROM t')).toEqual({
      r: true,
      n: 2,
    });
    await expect(one(c.replicaUrl, 'INSERT INTO t VALUES (3)')).rejects.toThrow(/read-only/);
    await c.pauseReplay();
    await one(c.primaryUrl, 'INSERT INTO t VALUES (3)');
    await new Promise((r) => setTimeout(r, 200));
    expect(await one(c.replicaUrl, 'SELECT count(*)::int AS n FROM t')).toEqual({ n: 2 });
    await c.resumeReplay();
    await c.catchUp();
    expect(await one(c.replicaUrl, 'SELECT count(*)::int AS n FROM t')).toEqual({ n: 3 });
  });

  it('puts PgBouncer in transaction-pooling mode in front of the primary', async () => {
    const pools = await withClient(
      c.bouncerAdminUrl,
      async (client) => (await client.query('SHOW POOLS')).rows,
    );
    expect(pools.find((p) => p.database === 'storesync')?.pool_mode).toBe('transaction');
    expect(await one(c.bouncerUrl, 'SELECT current_setting($1) AS port', ['port'])).toEqual({
      port: port(c.primaryUrl),
    });
  });

  it('shows why migrations need DATABASE_DIRECT_URL: a session lock taken through the bouncer outlives its session', async () => {
    await withClient(c.bouncerUrl, (client) => client.query('SELECT pg_advisory_lock(4242)'));
    const held = () =>
      one<{ n: number }>(c.primaryUrl, "SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory'");
    // The client is gone, the server connection went back to the pool with the lock.
    expect(await held()).toEqual({ n: 1 });
    await one(c.primaryUrl, "SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory'");
    expect(await held()).toEqual({ n: 0 });
  });

  it('openDb migrates over the direct connection, several app processes at once, and leaves no lock', async () => {
    const opened = await Promise.all(
      [1, 2, 3].map(() =>
        openDb({ databaseUrl: c.bouncerUrl, directUrl: c.primaryUrl, replicaUrl: c.replicaUrl, poolSize: 2 }),
      ),
    );
    try {
      const [first] = opened;
      const rows = await first?.db.sql.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM "_prisma_migrations" WHERE finished_at IS NOT NULL',
      );
      expect(rows?.[0]?.n).toBeGreaterThan(0);
      expect(
        await one(c.primaryUrl, "SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory'"),
      ).toEqual({
        n: 0,
      });
      await c.catchUp();
      const onReplica = await first?.db.sqlReplica?.query<{ r: boolean }>('SELECT pg_is_in_recovery() AS r');
      expect(onReplica).toEqual([{ r: true }]);
    } finally {
      await Promise.all(opened.map((o) => o.close()));
    }
  });

  it('stop() removes the clusters, their folders and the bouncer', async () => {
    // pg_lsclusters fails outright while another suite's cluster is half made or half removed: ask again.
    const names = (): string => {
      for (let attempt = 1; ; attempt++) {
        try {
          return execFileSync('pg_lsclusters', ['-h'], {
            encoding: 'utf8',
            stdio: ['ignore', 'pipe', 'pipe'],
          });
        } catch (error) {
          if (attempt >= 20) throw error;
          execFileSync('sleep', ['0.25']);
        }
      }
    };
    const ours = names()
      .split('\n')
      .filter((l) => l.includes(port(c.primaryUrl)) || l.includes(port(c.replicaUrl)));
    expect(ours).toHaveLength(2);
    const dirs = ours.map((l) => l.split(/\s+/)[5] as string);
    await c.stop();
    expect(names()).not.toContain(port(c.primaryUrl));
    expect(names()).not.toContain(port(c.replicaUrl));
    for (const d of dirs) expect(existsSync(d)).toBe(false);
    await expect(one(c.bouncerUrl, 'SELECT 1')).rejects.toThrow(/ECONNREFUSED/);
    expect(names()).toMatch(/\b5432\b.*online/);
  });
});
