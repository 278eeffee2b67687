import { execFileSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { openDb } from '@storesync/db';
import { freePort } from '@storesync/test-support/ports';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type NextProcess, spawnNextStart } from '../test/next-process';

// The production build (`pnpm start`: server.mjs) started before its PostgreSQL, as under
// docker-compose or systemd: a private cluster on a spare port, created stopped, started mid-test.
vi.setConfig({ testTimeout: 180_000 });
const cluster = `storesync_wait_${randomBytes(3).toString('hex')}`;
let port: number;
let url: string;
const pgctl = (...args: string[]) =>
  execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', '15', cluster, ...args], { stdio: 'ignore' });
/** Starts the cluster unless it runs (`status` exits 3 when it is down). */
const ensureRunning = () => {
  try {
    pgctl('status');
  } catch {
    pgctl('start');
  }
};

const started: NextProcess[] = [];
beforeAll(async () => {
  port = await freePort();
  url = `postgresql://postgres@127.0.0.1:${port}/postgres`;
  execFileSync('pg_createcluster', ['15', cluster, '--port', String(port)], { stdio: 'ignore' });
  const hba = `/etc/postgresql/15/${cluster}/pg_hba.conf`;
  writeFileSync(hba, readFileSync(hba, 'utf8').replace(/(peer|scram-sha-256|md5)$/gm, 'trust'));
});
afterAll(() => {
  for (const p of started) p.kill();
  execFileSync('pg_dropcluster', ['--stop', '15', cluster], { stdio: 'ignore' });
});

const start = async (env: Record<string, string | undefined>) => {
  const p = await spawnNextStart({ AUTH_SECRET: undefined, NEXTAUTH_SECRET: undefined, ...env });
  started.push(p);
  return p;
};
const within = <T>(ms: number, work: Promise<T>) =>
  Promise.race([work, new Promise<'still running'>((r) => setTimeout(() => r('still running'), ms))]);
/** The server's pino lines (JSON) among its output. */
const logLines = (p: NextProcess): Record<string, unknown>[] =>
  p
    .output()
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l));
const retries = (p: NextProcess) =>
  logLines(p).filter((l) => l.msg === 'PostgreSQL does not answer yet; retrying');
const answer = async (res: Response) => [res.status, res.headers.get('retry-after'), await res.json()];

describe('started before PostgreSQL', () => {
  it('serves /health, answers 503 until the database answers, then migrates and serves', async () => {
    const p = await start({ DATABASE_URL: url, DEV_LOGIN: '1' });
    await p.up();
    expect(await answer(await fetch(`${p.base}/health`))).toEqual([200, null, { status: 'ok' }]);
    expect(await answer(await fetch(`${p.base}/ready`))).toEqual([
      503,
      '5',
      { status: 'unavailable', reason: 'database unreachable' },
    ]);

    // Every door of the API: the database-down answer (JSON, SERVICE_UNAVAILABLE, Retry-After).
    const bearer = { authorization: 'Bearer not-yet', 'content-type': 'application/json' };
    const push = JSON.stringify({ deviceId: 'phone-wait', events: [] });
    const trpc = [
      await fetch(`${p.base}/api/trpc/auth.me`, { headers: bearer }),
      await fetch(`${p.base}/api/trpc/sync.push`, { method: 'POST', headers: bearer, body: push }),
    ];
    for (const res of trpc) {
      const [status, retryAfter, body] = await answer(res);
      expect([status, retryAfter, body.error.data.code]).toEqual([503, '5', 'SERVICE_UNAVAILABLE']);
    }
    const signIn = JSON.stringify({ email: 'wait@example.com', deviceId: 'phone-wait' });
    const plain = [
      await fetch(`${p.base}/auth/me`, { headers: bearer }),
      await fetch(`${p.base}/auth/dev-sign-in`, { method: 'POST', headers: bearer, body: signIn }),
      await fetch(`${p.base}/sync/push`, { method: 'POST', headers: bearer, body: push }),
      await fetch(`${p.base}/sync/pull?cursor=0`, { headers: bearer }),
    ];
    for (const res of plain) {
      const [status, retryAfter, body] = await answer(res);
      expect([status, retryAfter, body.error.code]).toEqual([503, '5', 'SERVICE_UNAVAILABLE']);
    }

    // Each attempt is logged, with its error and the pause before the next.
    await vi.waitFor(() => expect(retries(p).length).toBeGreaterThanOrEqual(2), { timeout: 10_000 });
    const [first, second] = retries(p);
    expect(first).toMatchObject({ level: 40, attempt: 1, code: 'ECONNREFUSED' });
    expect(first?.reason).toMatch(/^connect ECONNREFUSED 127\.0\.0\.1:\d+$/);
    expect(second).toMatchObject({ attempt: 2 });
    expect(second?.retryInMs).toBeGreaterThan(first?.retryInMs as number);
    expect(p.output()).not.toMatch(/StoreSync cannot start/);

    pgctl('start');
    await vi.waitFor(
      async () =>
        expect(await answer(await fetch(`${p.base}/ready`))).toEqual([200, null, { status: 'ready' }]),
      { timeout: 30_000, interval: 300 },
    );
    expect(logLines(p).some((l) => /every migration is applied: ready/.test(String(l.msg)))).toBe(true);
    await vi.waitFor(() => expect(p.output()).toMatch(/Sync doors \(push, pull\) on Node's http server/));

    // A real request: sign in, push a customer, and find it in the database the server migrated.
    const session = await fetch(`${p.base}/auth/dev-sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: signIn,
    }).then((r) => r.json());
    const entityId = randomUUID();
    const pushed = await fetch(`${p.base}/sync/push`, {
      method: 'POST',
      headers: { authorization: `Bearer ${session.sessionToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        deviceId: 'phone-wait',
        events: [
          {
            eventUuid: randomUUID(),
            entity: 'customers',
            entityId,
            op: 'upsert',
            payload: { name: 'Waited for' },
            clientUpdatedAt: new Date().toISOString(),
          },
        ],
      }),
    });
    expect(pushed.status).toBe(200);
    expect((await pushed.json()).results[0].status).toBe('applied');
    const reopened = await openDb({ databaseUrl: url, poolSize: 1 });
    try {
      const rows = await reopened.db.sql.query('SELECT name FROM customers WHERE id = $1', [entityId]);
      expect(rows).toEqual([{ name: 'Waited for' }]);
    } finally {
      await reopened.close();
    }
  });

  it('still refuses a misconfiguration at once: a database that does not exist', async () => {
    ensureRunning();
    const p = await start({ DATABASE_URL: url.replace(/postgres$/, 'no_such_db'), DEV_LOGIN: '1' });
    expect(await within(60_000, p.exited)).toBe(1);
    expect(p.output()).toMatch(/StoreSync cannot start: database "no_such_db" does not exist/);
    expect(retries(p)).toEqual([]);
  });

  it('exits 1 with the reason once DATABASE_WAIT_SECONDS has passed without a database', async () => {
    const nobody = await freePort(new Set([port]));
    const p = await start({
      DATABASE_URL: `postgresql://postgres@127.0.0.1:${nobody}/postgres`,
      DATABASE_WAIT_SECONDS: '2',
      DEV_LOGIN: '1',
    });
    expect(await within(60_000, p.exited)).toBe(1);
    expect(p.output()).toMatch(
      /StoreSync cannot start: PostgreSQL did not answer within 2 s \(\d+ attempt\(s\)\); last error: connect ECONNREFUSED/,
    );
    expect(retries(p).length).toBeGreaterThanOrEqual(2);
  });

  it('stops waiting on SIGTERM and exits 0', async () => {
    const nobody = await freePort(new Set([port]));
    const p = await start({ DATABASE_URL: `postgresql://postgres@127.0.0.1:${nobody}/postgres` });
    await p.up();
    await vi.waitFor(() => expect(retries(p).length).toBeGreaterThanOrEqual(1));
    p.child.kill('SIGTERM');
    expect(await within(15_000, p.exited)).toBe(0);
    expect(p.output()).not.toMatch(/StoreSync cannot start/);
  });

  it('refuses an invalid DATABASE_WAIT_SECONDS at once', async () => {
    const p = await start({ DATABASE_URL: url, DATABASE_WAIT_SECONDS: 'soon' });
    expect(await within(30_000, p.exited)).toBe(1);
    expect(p.output()).toMatch(/StoreSync cannot start: Invalid environment: DATABASE_WAIT_SECONDS/);
  });
});
