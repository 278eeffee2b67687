import { openDb } from '@storesync/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTrpcHandler } from '../http.ts';
import { createLogger } from '../log.ts';
import { createRestHandlers } from '../rest.ts';
import { createHarness, type Harness } from '../test/harness.ts';

let h: Harness;
const logger = createLogger({ level: 'silent' });
// Hour-long windows: a test never straddles a window's end (windows are aligned to the clock).
const limits = {
  perSession: { max: 4, windowSeconds: 3600 },
  signInPerAddress: { max: 3, windowSeconds: 3600 },
  signInPerAccount: { max: 2, windowSeconds: 3600 },
};

beforeAll(async () => {
  h = await createHarness('pg', { limits, trustedProxyHops: 1 });
});
afterAll(() => h.t.drop());

const rest = () => createRestHandlers({ getDb: async () => h.t.db, config: h.config, logger });
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

const expect429 = async (res: Response, code: () => Promise<unknown>) => {
  expect(res.status).toBe(429);
  const wait = Number(res.headers.get('retry-after'));
  expect(wait).toBeGreaterThanOrEqual(1);
  expect(wait).toBeLessThanOrEqual(3600);
  expect(await code()).toBe('TOO_MANY_REQUESTS');
};

describe('the per-session limit', () => {
  it('counts a session’s requests across every door, and answers 429 with Retry-After past it', async () => {
    const d = await h.device('doors@example.com');
    const r = rest();
    const pull = `sync.pull?input=${encodeURIComponent('{"cursor":0}')}`;
    expect((await h.http('auth.me', { headers: bearer(d.token) })).status).toBe(200);
    expect((await h.http(pull, { headers: bearer(d.token) })).status).toBe(200);
    expect((await r.me(new Request('http://x/auth/me', { headers: bearer(d.token) }))).status).toBe(200);
    expect(
      (await r.pull(new Request('http://x/sync/pull?cursor=0', { headers: bearer(d.token) }))).status,
    ).toBe(200);
    // The fifth request, whichever door it knocks on.
    const trpcMe = await h.http('auth.me', { headers: bearer(d.token) });
    await expect429(trpcMe, async () => (await trpcMe.json()).error.data.code);
    const fast = await h.http(pull, { headers: bearer(d.token) });
    await expect429(fast, async () => (await fast.json()).error.data.code);
    const restPull = await r.pull(new Request('http://x/sync/pull?cursor=0', { headers: bearer(d.token) }));
    await expect429(restPull, async () => (await restPull.json()).error.code);
    const restPush = await r.push(
      new Request('http://x/sync/push', {
        method: 'POST',
        headers: bearer(d.token),
        body: JSON.stringify({ deviceId: d.deviceId, events: [] }),
      }),
    );
    await expect429(restPush, async () => (await restPush.json()).error.code);
    // Another device of the same store has its own budget.
    const other = await h.device('doors@example.com');
    expect((await h.http('auth.me', { headers: bearer(other.token) })).status).toBe(200);
  });

  it('counts a batched request once', async () => {
    const d = await h.device('batch-limit@example.com');
    const input = encodeURIComponent(JSON.stringify({ 0: {}, 1: {}, 2: {} }));
    for (let i = 0; i < 4; i++) {
      const res = await h.http(`auth.me,auth.me,auth.me?batch=1&input=${input}`, {
        headers: bearer(d.token),
      });
      expect(res.status, `batch ${i}`).toBe(200);
    }
    expect((await h.http('auth.me', { headers: bearer(d.token) })).status).toBe(429);
  });

  it('holds across app processes on one database', async () => {
    const second = await openDb({ databaseUrl: h.t.url, poolSize: 2 });
    try {
      const d = await h.device('two-processes@example.com');
      const other = createTrpcHandler({
        endpoint: '/api/trpc',
        getDb: async () => second.db,
        config: h.config,
        logger,
      });
      const viaOther = () => other(new Request('http://x/api/trpc/auth.me', { headers: bearer(d.token) }));
      expect((await h.http('auth.me', { headers: bearer(d.token) })).status).toBe(200);
      expect((await viaOther()).status).toBe(200);
      expect((await h.http('auth.me', { headers: bearer(d.token) })).status).toBe(200);
      expect((await viaOther()).status).toBe(200);
      expect((await viaOther()).status).toBe(429);
      expect((await h.http('auth.me', { headers: bearer(d.token) })).status).toBe(429);
    } finally {
      await second.close();
    }
  });

  it('stamps the session’s last-seen once per window, not on every request', async () => {
    const d = await h.device('seen@example.com');
    const seen = async () =>
      (await h.t.db.session.findFirst({ where: { userId: d.userId }, select: { lastSeenAt: true } }))
        ?.lastSeenAt;
    expect(await seen()).toBe(null);
    await d.api.auth.me();
    const first = await seen();
    expect(first).toBeInstanceOf(Date);
    expect(Date.now() - (first?.getTime() ?? 0)).toBeLessThan(3_601_000);
    await d.api.auth.me();
    expect(await seen()).toEqual(first);
  });
});

describe('the sign-in limits', () => {
  const signIn = (email: string, address: string) =>
    h.http('auth.devSignIn', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.9.9.9, ${address}` },
      body: JSON.stringify({ email, deviceId: `dev-${Math.random()}` }),
    });

  it('limits sign-ins per client address (the nearest proxy’s entry), on both doors', async () => {
    for (let i = 0; i < 3; i++) expect((await signIn(`addr${i}@example.com`, '192.0.2.1')).status).toBe(200);
    const res = await signIn('addr9@example.com', '192.0.2.1');
    await expect429(res, async () => (await res.json()).error.data.code);
    const viaRest = await rest().devSignIn(
      new Request('http://x/auth/dev-sign-in', {
        method: 'POST',
        headers: { 'x-forwarded-for': '192.0.2.1' },
        body: JSON.stringify({ email: 'addr8@example.com', deviceId: 'p' }),
      }),
    );
    await expect429(viaRest, async () => (await viaRest.json()).error.code);
    // A spoofed left-hand entry does not make a new address; another address is not held back.
    expect((await signIn('addr7@example.com', '192.0.2.2')).status).toBe(200);
  });

  it('limits sign-ins per account, whatever the address', async () => {
    expect((await signIn('busy@example.com', '198.51.100.1')).status).toBe(200);
    expect((await signIn('busy@example.com', '198.51.100.2')).status).toBe(200);
    const res = await signIn('busy@example.com', '198.51.100.3');
    await expect429(res, async () => (await res.json()).error.data.code);
    expect(await h.t.db.session.count({ where: { user: { email: 'busy@example.com' } } })).toBe(2);
  });
});
