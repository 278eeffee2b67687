import { createCaller, createContext, defaultApiConfig, startPokeHub } from '@storesync/api';
import { createTestDatabase, type TestDb } from '@storesync/db/testing';
import { getServerSession, type NextAuthOptions } from 'next-auth';
import { decode, encode, type JWT } from 'next-auth/jwt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuthOptions, webAuthOf } from './auth-options';

// Dashboard sessions are rows in `sessions`: revoked from anywhere, the next
// request with the browser's cookie (a page's or the tRPC route's) is signed out.
let t: TestDb;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

// next-auth wants the app's address (it builds URLs and cookie names from it).
process.env.NEXTAUTH_URL ??= 'http://localhost:3000';
const SECRET = 'test-secret';
const CHROME_LINUX =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/141.0.0.0 Safari/537.36';
const config = defaultApiConfig({ devLogin: true });
const options = createAuthOptions({
  getDb: async () => t.db,
  secret: SECRET,
  devLogin: true,
  sessions: { ttlMs: config.sessionTtlMs, maxSessions: config.maxSessionsPerAccount },
  userAgent: async () => CHROME_LINUX,
});

type JwtArgs = Parameters<NonNullable<NextAuthOptions['callbacks']>['jwt'] & object>[0];

/** Signs the browser in as next-auth does and returns its cookie's value. */
async function signInBrowser(email: string): Promise<string> {
  const token = await options.callbacks?.jwt?.({
    token: { email } as JWT,
    user: { id: email, email },
    account: { provider: 'dev', providerAccountId: email, type: 'credentials' },
    trigger: 'signIn',
  } as JwtArgs);
  return encode({ token: token as JWT, secret: SECRET });
}

/** The browser's next request with that cookie: what a page's layout and the tRPC route see. */
const webAuth = (cookie: string) =>
  webAuthOf(
    options,
    (o) =>
      getServerSession(
        {
          headers: { host: 'localhost:3000', cookie: `next-auth.session-token=${cookie}` },
          cookies: { 'next-auth.session-token': cookie },
        } as never,
        { getHeader() {}, setCookie() {}, setHeader() {} } as never,
        o,
      ),
    async () => t.db,
  );

const trpcAs = async (cookie: string) =>
  createCaller(
    await createContext({ db: t.db, config, headers: new Headers(), webAuth: () => webAuth(cookie) }),
  );

/** A phone signed in to the store: each call is a request of its own, its token looked up again. */
async function phoneOf(email: string, deviceId: string) {
  const anon = createCaller(await createContext({ db: t.db, config, headers: new Headers() }));
  const { sessionToken } = await anon.auth.devSignIn({ email, deviceId });
  const headers = new Headers({ authorization: `Bearer ${sessionToken}` });
  return async () => createCaller(await createContext({ db: t.db, config, headers }));
}

const refused = { code: 'UNAUTHORIZED' };

describe('a dashboard session', () => {
  it('is listed beside the phones, as a browser with its name and when it was last seen', async () => {
    const cookie = await signInBrowser('listed@example.com');
    const web = await trpcAs(cookie);
    const me = await web.auth.me();
    expect(me.deviceId).toMatch(/^web:[0-9a-f-]{36}$/);
    const phone = await phoneOf('listed@example.com', 'counter-phone');
    const list = await (await phone()).auth.devices();
    const browser = list.find((d) => d.deviceId === me.deviceId);
    expect(browser).toMatchObject({ deviceName: 'Chrome · Linux', browser: true, current: false });
    // Its tRPC request above stamped the minute it was seen in.
    expect(browser?.lastSeenAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:00\.000Z$/);
    expect(list.find((d) => d.deviceId === 'counter-phone')).toMatchObject({ browser: false });
    expect((await web.auth.devices()).find((d) => d.current)?.deviceId).toBe(me.deviceId);
  });

  it('revoked from the devices list, is refused on its next request: tRPC and a page', async () => {
    const cookie = await signInBrowser('revoked@example.com');
    const web = await trpcAs(cookie);
    const { deviceId } = await web.auth.me();
    expect((await webAuth(cookie))?.deviceId).toBe(deviceId);

    const phone = await phoneOf('revoked@example.com', 'owner-phone');
    await (await phone()).auth.revokeDevice({ deviceId });

    expect(await webAuth(cookie)).toBe(null);
    await expect((await trpcAs(cookie)).auth.me()).rejects.toMatchObject(refused);
    expect((await (await phone()).auth.devices()).map((d) => d.deviceId)).toEqual(['owner-phone']);
  });

  it('ends when the store signs out everywhere, with every phone', async () => {
    const cookie = await signInBrowser('everywhere@example.com');
    const other = await signInBrowser('everywhere@example.com');
    const phone = await phoneOf('everywhere@example.com', 'till');
    const web = await trpcAs(cookie);
    expect((await web.auth.devices()).length).toBe(3);

    expect(await web.auth.signOutEverywhere()).toEqual({ ok: true, signedOut: 3 });

    expect(await webAuth(cookie)).toBe(null);
    expect(await webAuth(other)).toBe(null);
    await expect((await trpcAs(other)).auth.me()).rejects.toMatchObject(refused);
    await expect((await phone()).auth.me()).rejects.toMatchObject(refused);
  });

  it('ends at next-auth’s sign-out, and another store’s browser stays signed in', async () => {
    const cookie = await signInBrowser('leaving@example.com');
    const neighbour = await signInBrowser('neighbour@example.com');
    const { deviceId } = await (await trpcAs(cookie)).auth.me();
    const token = (await decode({ token: cookie, secret: SECRET })) as JWT;
    await options.events?.signOut?.({ token, session: null as never });
    expect(await webAuth(cookie)).toBe(null);
    expect(await t.db.session.count({ where: { deviceId, revokedAt: { not: null } } })).toBe(1);
    expect((await webAuth(neighbour))?.user.email).toBe('neighbour@example.com');
  });

  it('closes its live stream at once when signed out elsewhere, as a phone’s', async () => {
    const hub = await startPokeHub(t.listen);
    try {
      const cookie = await signInBrowser('live@example.com');
      const web = createCaller(
        await createContext({
          db: t.db,
          config,
          headers: new Headers(),
          webAuth: () => webAuth(cookie),
          getLive: async () => hub,
        }),
      );
      const { deviceId } = await web.auth.me();
      const stream = await web.sync.live();
      // Settled into a value at once: the revocation may land before the test awaits it,
      // and a rejection nobody holds yet is an unhandled one.
      const ended = (async () => {
        for await (const _ of stream);
      })().then(
        () => null,
        (error: unknown) => error,
      );
      await expect.poll(() => hub.size).toBe(1);

      const phone = await phoneOf('live@example.com', 'owner-phone');
      await (await phone()).auth.revokeDevice({ deviceId });
      expect(await ended).toMatchObject(refused);
      expect(hub.size).toBe(0);
    } finally {
      await hub.close();
    }
  });
});
