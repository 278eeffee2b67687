import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrationStatus, openDb } from '@storesync/db';
import { createTestDatabase, type TestDb } from '@storesync/db/testing';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { type NextProcess, spawnNextStart } from './test/next-process';

// Boot, probes and shutdown of the production build (`pnpm start`: server.mjs), as an operator meets them.
// Each test boots a server; on a busy machine that alone can take most of a minute.
vi.setConfig({ testTimeout: 180_000 });
const started: NextProcess[] = [];
const folders: string[] = [];
afterAll(() => {
  for (const p of started) p.kill();
  for (const f of folders) rmSync(f, { recursive: true, force: true });
});
const start = async (env: Record<string, string | undefined>) => {
  const p = await spawnNextStart(env);
  started.push(p);
  return p;
};
const dataDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'storesync-ops-'));
  folders.push(dir);
  return dir;
};
const within = <T>(ms: number, work: Promise<T>) =>
  Promise.race([work, new Promise<'still running'>((r) => setTimeout(() => r('still running'), ms))]);
const noSecrets = { AUTH_SECRET: undefined, NEXTAUTH_SECRET: undefined, DATABASE_URL: undefined };

describe('boot', () => {
  it('refuses to start in production with dev sign-in on, before serving anything', async () => {
    const p = await start({
      ...noSecrets,
      NODE_ENV: 'production',
      DEV_LOGIN: '1',
      AUTH_SECRET: 'x',
      DATA_DIR: dataDir(),
    });
    expect(await within(30_000, p.exited)).toBe(1);
    expect(p.output()).toMatch(/StoreSync cannot start: refusing to run in production: DEV_LOGIN is on/);
  });

  it('refuses to start with an environment variable that fails validation', async () => {
    const p = await start({ ...noSecrets, DATABASE_POOL_SIZE: 'many', DATA_DIR: dataDir() });
    expect(await within(30_000, p.exited)).toBe(1);
    expect(p.output()).toMatch(/StoreSync cannot start: Invalid environment: DATABASE_POOL_SIZE/);
  });

  it('refuses to start in production without a session secret', async () => {
    const p = await start({ ...noSecrets, NODE_ENV: 'production', DEV_LOGIN: '0', DATA_DIR: dataDir() });
    expect(await within(30_000, p.exited)).toBe(1);
    expect(p.output()).toMatch(/AUTH_SECRET \(or NEXTAUTH_SECRET\) is not set/);
    expect(p.output()).not.toMatch(/DEV_LOGIN is on/);
  });
});

describe('on PostgreSQL', () => {
  let t: TestDb;
  let dropped = false;
  afterAll(() => (dropped ? undefined : t?.drop()));

  it('applies migrations at boot, before any request, and /ready follows the database', async () => {
    t = await createTestDatabase({ poolSize: 1 });
    await t.db.sql.query('DROP SCHEMA public CASCADE');
    await t.db.sql.query('CREATE SCHEMA public');
    const p = await start({
      ...noSecrets,
      DATABASE_URL: t.url,
      NODE_ENV: 'production',
      AUTH_SECRET: 's',
      DEV_LOGIN: '0',
    });
    // No request yet: only the database is watched.
    let status = await migrationStatus(t.db.sql);
    for (let i = 0; i < 100 && status.pending.length > 0; i++) {
      await new Promise((r) => setTimeout(r, 300));
      status = await migrationStatus(t.db.sql);
    }
    expect(status).toEqual({ pending: [], failed: [] });

    await p.up();
    // `pnpm start` serves push and pull from Node's http server, in front of Next.js (server.mjs).
    await vi.waitFor(() => expect(p.output()).toMatch(/Sync doors \(push, pull\) on Node's http server/));
    const ready = () => fetch(`${p.base}/ready`).then(async (r) => [r.status, await r.json()]);
    expect(await ready()).toEqual([200, { status: 'ready' }]);
    expect(await fetch(`${p.base}/health`).then((r) => r.json())).toEqual({ status: 'ok' });

    // A migration missing from the database: not ready, with a Retry-After.
    const [last] = await t.db.sql.query<{ id: string }>(
      'SELECT id FROM _prisma_migrations ORDER BY migration_name DESC LIMIT 1',
    );
    await t.db.sql.query('UPDATE _prisma_migrations SET rolled_back_at = now() WHERE id = $1', [last?.id]);
    const pending = await fetch(`${p.base}/ready`);
    expect([pending.status, await pending.json(), pending.headers.get('retry-after')]).toEqual([
      503,
      { status: 'unavailable', reason: 'migrations pending' },
      '5',
    ]);
    await t.db.sql.query('UPDATE _prisma_migrations SET rolled_back_at = NULL WHERE id = $1', [last?.id]);

    // A database that does not answer (a lock held here): not ready within the probe's time.
    await t.db.sql.transaction(async (tx) => {
      await tx.query('LOCK TABLE _prisma_migrations IN ACCESS EXCLUSIVE MODE');
      expect(await ready()).toEqual([503, { status: 'unavailable', reason: 'database unreachable' }]);
    });
    expect(await ready()).toEqual([200, { status: 'ready' }]);

    // The database gone: not ready, while /health (no database) still answers.
    await t.drop();
    dropped = true;
    expect(await ready()).toEqual([503, { status: 'unavailable', reason: 'database unreachable' }]);
    expect((await fetch(`${p.base}/health`)).status).toBe(200);
  });
});

/** A POST whose body is sent in two parts, so the request is surely in flight in between. */
function slowPost(url: string, token: string, body: string) {
  const req = request(url, {
    method: 'POST',
    agent: false,
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(body),
    },
  });
  const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
    req.on('response', (res) => {
      let text = '';
      res.on('data', (c) => {
        text += c;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
  });
  const half = Math.floor(body.length / 2);
  req.write(body.slice(0, half));
  return { finish: () => req.end(body.slice(half)), response };
}

const connects = (base: string) =>
  new Promise<boolean>((resolve) => {
    const req = request(`${base}/health`, { agent: false }, (res) => {
      res.resume();
      resolve(true);
    });
    req.on('error', () => resolve(false));
    req.end();
  });

describe('SIGTERM', () => {
  it('stops taking requests, finishes the one in flight, closes PGlite and exits 0', async () => {
    const dir = dataDir();
    const p = await start({ ...noSecrets, DATA_DIR: dir, DEV_LOGIN: '1' });
    await p.up();
    const signIn = await fetch(`${p.base}/auth/dev-sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'ops@example.com', deviceId: 'phone-ops' }),
    }).then((r) => r.json());
    const events = Array.from({ length: 200 }, (_, i) => ({
      eventUuid: randomUUID(),
      entity: 'customers',
      entityId: randomUUID(),
      op: 'upsert',
      payload: { name: `Customer ${i}` },
      clientUpdatedAt: new Date().toISOString(),
    }));
    const push = slowPost(
      `${p.base}/sync/push`,
      signIn.sessionToken,
      JSON.stringify({ deviceId: 'phone-ops', events }),
    );
    // A live stream open too: it never ends by itself, so the stop must end it.
    const live = await fetch(`${p.base}/api/trpc/sync.live`, {
      headers: { authorization: `Bearer ${signIn.sessionToken}` },
    });
    expect(live.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const stream = live.body?.getReader();
    const decoder = new TextDecoder();
    const heard = async () => {
      let text = '';
      for (;;) {
        const chunk = await stream?.read();
        if (!chunk || chunk.done) return text;
        text += decoder.decode(chunk.value);
      }
    };
    const streamed = heard();
    await new Promise((r) => setTimeout(r, 300));

    p.child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 300));
    expect(await connects(p.base)).toBe(false);
    push.finish();
    const answer = await push.response;
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body).results.every((r: { status: string }) => r.status === 'applied')).toBe(
      true,
    );
    // The stream was ended by the server (tRPC's `return`), not cut; then the process exits.
    expect(await within(10_000, streamed)).toMatch(/event: connected[\s\S]*event: return/);
    expect(await within(30_000, p.exited)).toBe(0);
    expect(p.output()).toMatch(/SIGTERM: finishing 2 request\(s\) in flight/);

    // The folder opens again, holding what the last request wrote.
    const reopened = await openDb({ dataDir: dir });
    try {
      const [row] = await reopened.db.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM customers');
      expect(row?.n).toBe(200);
    } finally {
      await reopened.close();
    }
  });
});
