import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { type OpenDb, openDb } from '@storesync/db';
import { freePort } from '@storesync/test-support/ports';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultApiConfig } from './config.ts';
import { createContext } from './context.ts';
import { DATABASE_RETRY_AFTER_SECONDS } from './errors.ts';
import { createTrpcHandler } from './http.ts';
import { createLogger } from './log.ts';
import { createRestHandlers } from './rest.ts';
import { createCaller } from './root.ts';

// A private PostgreSQL cluster on a spare port, stopped mid-test: never the shared one.
const cluster = `storesync_down_${randomBytes(3).toString('hex')}`;
// Not a random port in 20000–40000: half of that is the ephemeral range, where any outgoing
// connection of another suite may hold it (a CI run failed so).
let port: number;
const pgctl = (...args: string[]) =>
  execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', '15', cluster, ...args]);

let opened: OpenDb;
let token: string;
const lines: Record<string, unknown>[] = [];
const config = defaultApiConfig({ devLogin: true });
const opts = {
  getDb: async () => opened.db,
  config,
  logger: createLogger({ destination: { write: (l: string) => lines.push(JSON.parse(l)) } }),
};
const trpc = createTrpcHandler({ endpoint: '/api/trpc', ...opts });
const rest = createRestHandlers(opts);

beforeAll(async () => {
  port = await freePort();
  execFileSync('pg_createcluster', ['15', cluster, '--port', String(port)], { stdio: 'ignore' });
  const hba = `/etc/postgresql/15/${cluster}/pg_hba.conf`;
  writeFileSync(hba, readFileSync(hba, 'utf8').replace(/(peer|scram-sha-256|md5)$/gm, 'trust'));
  pgctl('start');
  opened = await openDb({ databaseUrl: `postgresql://postgres@127.0.0.1:${port}/postgres`, poolSize: 2 });
  const anon = createCaller(await createContext({ db: opened.db, config, headers: new Headers() }));
  token = (await anon.auth.devSignIn({ email: 'down@example.com', deviceId: 'down-phone' })).sessionToken;
}, 60_000);
afterAll(async () => {
  await opened?.close().catch(() => {});
  execFileSync('pg_dropcluster', ['--stop', '15', cluster], { stdio: 'ignore' });
});

const bearer = () => ({ authorization: `Bearer ${token}` });
const json = (body: unknown) => ({
  method: 'POST',
  headers: { ...bearer(), 'content-type': 'application/json' },
  body: JSON.stringify(body),
});
const push = { deviceId: 'down-phone', events: [] };
const signIn = { email: 'down@example.com', deviceId: 'down-phone' };

describe('with PostgreSQL down', () => {
  it('answers 503 SERVICE_UNAVAILABLE with Retry-After on every door, logs it, and recovers', async () => {
    expect((await trpc(new Request('http://x/api/trpc/auth.me', { headers: bearer() }))).status).toBe(200);
    pgctl('stop', '-m', 'fast');

    const trpcCalls: [string, RequestInit][] = [
      ['auth.me', { headers: bearer() }],
      [`sync.pull?input=${encodeURIComponent('{"cursor":0}')}`, { headers: bearer() }],
      ['sync.push', json(push)],
      ['auth.devSignIn', json(signIn)],
    ];
    for (const [path, init] of trpcCalls) {
      const res = await trpc(new Request(`http://x/api/trpc/${path}`, init));
      expect(res.status, path).toBe(503);
      expect(res.headers.get('retry-after'), path).toBe(String(DATABASE_RETRY_AFTER_SECONDS));
      expect((await res.json()).error.data.code, path).toBe('SERVICE_UNAVAILABLE');
    }
    const restCalls: [string, Promise<Response>][] = [
      ['me', rest.me(new Request('http://x/auth/me', { headers: bearer() }))],
      ['pull', rest.pull(new Request('http://x/sync/pull?cursor=0', { headers: bearer() }))],
      ['push', rest.push(new Request('http://x/sync/push', json(push)))],
      ['devSignIn', rest.devSignIn(new Request('http://x/auth/dev-sign-in', json(signIn)))],
    ];
    for (const [name, call] of restCalls) {
      const res = await call;
      expect(res.status, name).toBe(503);
      expect(res.headers.get('retry-after'), name).toBe(String(DATABASE_RETRY_AFTER_SECONDS));
      expect((await res.json()).error.code, name).toBe('SERVICE_UNAVAILABLE');
    }
    const failed = lines.filter((l) => l.status === 503);
    expect(failed).toHaveLength(8);
    expect(JSON.stringify(failed[0]?.err)).toMatch(/ECONNREFUSED|57P01|Connection terminated/);

    pgctl('start');
    expect((await trpc(new Request('http://x/api/trpc/auth.me', { headers: bearer() }))).status).toBe(200);
  }, 60_000);
});
