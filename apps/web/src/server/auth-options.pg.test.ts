import { createCaller, createContext, defaultApiConfig, findWebSession } from '@storesync/api';
import { createTestDatabase, type TestDb } from '@storesync/db/testing';
import type { JWT } from 'next-auth/jwt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuthOptions, identityOf } from './auth-options';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

const options = () =>
  createAuthOptions({
    getDb: async () => t.db,
    secret: 's',
    google: { clientId: 'web', clientSecret: 'x' },
    devLogin: true,
    sessions: { ttlMs: 60_000, maxSessions: 20 },
  });

type JwtArgs = Parameters<NonNullable<ReturnType<typeof createAuthOptions>['callbacks']>['jwt'] & object>[0];
const signInJwt = async (
  account: { provider: string; providerAccountId: string },
  email: string,
  verified = true,
) => {
  const jwt = options().callbacks?.jwt;
  if (!jwt) throw new Error('no jwt callback');
  return (await jwt({
    token: { email } as JWT,
    user: { id: 'x', email, name: 'Owner' },
    account: { ...account, type: 'oauth' },
    profile: { email_verified: verified } as JwtArgs['profile'],
    trigger: 'signIn',
  } as JwtArgs)) as JWT & { uid?: string; sst?: string };
};

describe('createAuthOptions', () => {
  it('maps a Google sign-in on the web to the same users row as a device sign-in with that sub', async () => {
    const token = await signInJwt({ provider: 'google', providerAccountId: 'g-sub-42' }, 'owner@example.com');
    expect(token.uid).toBeTypeOf('string');
    const row = await t.db.user.findUnique({ where: { googleSub: 'g-sub-42' } });
    expect(row?.id).toBe(token.uid);
    const again = await signInJwt({ provider: 'google', providerAccountId: 'g-sub-42' }, 'owner@example.com');
    expect(again.uid).toBe(token.uid);
    expect(again.sst).not.toBe(token.sst);
  });

  it('lets the dashboard session call the API as a device of its own', async () => {
    const token = await signInJwt({ provider: 'dev', providerAccountId: 'demo' }, 'Demo@Example.com');
    const auth = await findWebSession(t.db, token.sst);
    expect(auth?.deviceId).toMatch(/^web:/);
    expect(auth?.user.email).toBe('demo@example.com');
    const api = createCaller(
      await createContext({
        db: t.db,
        config: defaultApiConfig(),
        headers: new Headers(),
        webAuth: async () => auth,
      }),
    );
    const me = await api.auth.me();
    expect(me.user.id).toBe(token.uid);
    const pushed = await api.sync.push({
      deviceId: me.deviceId,
      events: [
        {
          eventUuid: crypto.randomUUID(),
          entity: 'customers',
          entityId: crypto.randomUUID(),
          op: 'upsert',
          payload: { name: 'Typed on the web' },
          clientUpdatedAt: new Date().toISOString(),
        },
      ],
    });
    expect(pushed.results[0]?.row?.updatedByDeviceId).toBe(me.deviceId);
  });

  it('seeds the demo store on its first sign-in only, through the change log', async () => {
    const first = await signInJwt({ provider: 'dev', providerAccountId: 'demo' }, 'demo@storesync.local');
    const count = () => t.db.syncEvent.count({ where: { userId: String(first.uid) } });
    const seeded = await count();
    expect(seeded).toBeGreaterThan(20);
    await signInJwt({ provider: 'dev', providerAccountId: 'demo' }, 'demo@storesync.local');
    expect(await count()).toBe(seeded);
  });

  it('refuses a Google account whose email is not verified', () => {
    expect(
      identityOf(
        { provider: 'google', providerAccountId: 's' },
        { email: 'a@b.c' },
        { email_verified: false },
      ),
    ).toBe(null);
  });
});
