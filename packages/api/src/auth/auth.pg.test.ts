import { beforeAll, describe, expect, it } from 'vitest';
import { newKey, signIdToken, type TestKey } from '../test/google.ts';
import { createGoogleHarness, type GoogleHarness } from '../test/google-harness.ts';
import type { Harness } from '../test/harness.ts';

let h: Harness;
let jwks: GoogleHarness['jwks'];
let key: TestKey;

beforeAll(async () => {
  const g = await createGoogleHarness({
    googleClientIds: ['web-client', 'android-client', 'ios-client'],
    devLogin: false,
  });
  ({ h, key, jwks } = g);
  return g.close;
});

const signIn = async (idToken: string, deviceId = 'phone-1') =>
  (await h.callerWith()).auth.signIn({ idToken, deviceId, deviceName: 'Pixel' });
const userCount = () => h.t.db.user.count();

describe('auth.signIn', () => {
  it('creates the user on first sign-in and matches a returning sub to the same user', async () => {
    const first = await signIn(await signIdToken(key, { sub: 'sub-1', email: 'a@example.com', name: 'Ada' }));
    expect(first.user).toEqual({ id: expect.any(String), email: 'a@example.com', name: 'Ada' });
    expect(Date.parse(first.expiresAt)).toBeGreaterThan(Date.now());
    const again = await signIn(await signIdToken(key, { sub: 'sub-1', aud: 'ios-client' }), 'iphone');
    expect(again.user.id).toBe(first.user.id);
    expect(again.sessionToken).not.toBe(first.sessionToken);
    const me = await (await h.callerWith({ authorization: `Bearer ${again.sessionToken}` })).auth.me();
    expect(me).toEqual({ user: again.user, deviceId: 'iphone' });
  });

  it('accepts both Google issuer spellings', async () => {
    const r = await signIn(await signIdToken(key, { sub: 'sub-iss', iss: 'accounts.google.com' }));
    expect(r.sessionToken).toBeTypeOf('string');
  });

  it('stores only a hash of the session token', async () => {
    const r = await signIn(await signIdToken(key, { sub: 'sub-hash' }));
    const rows = await h.t.db.session.findMany({ select: { tokenHash: true } });
    expect(rows.some((s) => s.tokenHash === r.sessionToken)).toBe(false);
    expect(rows.every((s) => /^[0-9a-f]{64}$/.test(s.tokenHash))).toBe(true);
  });

  it('refuses tokens that are not valid Google ID tokens for us, and creates no user', async () => {
    const other = await newKey();
    const now = Math.floor(Date.now() / 1000);
    const bad = {
      'wrong audience': await signIdToken(key, { sub: 'x1', aud: 'someone-else' }),
      'wrong issuer': await signIdToken(key, { sub: 'x2', iss: 'https://evil.example.com' }),
      expired: await signIdToken(key, { sub: 'x3', exp: now - 60 }),
      'unverified email': await signIdToken(key, { sub: 'x4', email_verified: false }),
      'bad signature': await signIdToken(other, { sub: 'x5' }, key.kid),
      'unknown key': await signIdToken(other, { sub: 'x6' }),
      'not a JWT': 'not.a.jwt',
    };
    const before = await userCount();
    for (const [why, token] of Object.entries(bad)) {
      await expect(signIn(token), why).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    }
    expect(await userCount()).toBe(before);
  });

  it('picks up a rotated key by refetching the JWKS on an unknown kid', async () => {
    const rotated = await newKey();
    const fetchesBefore = jwks.fetches();
    jwks.keys = [key, rotated];
    const r = await signIn(await signIdToken(rotated, { sub: 'sub-rotated' }));
    expect(r.user.email).toBe('owner@example.com');
    expect(jwks.fetches()).toBeGreaterThan(fetchesBefore);
  });
});

describe('sessions', () => {
  it('refuses calls without a session, with a malformed header, or with an unknown token', async () => {
    const cases: Record<string, string>[] = [
      {},
      { authorization: 'Basic abc' },
      { authorization: 'Bearer nope' },
    ];
    for (const headers of cases) {
      const api = await h.callerWith(headers);
      await expect(api.auth.me()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
      await expect(api.sync.pull({ cursor: 0 })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    }
  });

  it('refuses a session after sign-out, and only that session', async () => {
    const token = await signIdToken(key, { sub: 'sub-out' });
    const s1 = await signIn(token, 'd1');
    const s2 = await signIn(token, 'd2');
    const api1 = await h.callerWith({ authorization: `Bearer ${s1.sessionToken}` });
    expect(await api1.auth.signOut()).toEqual({ ok: true });
    await expect(
      (await h.callerWith({ authorization: `Bearer ${s1.sessionToken}` })).auth.me(),
    ).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
    const me2 = await (await h.callerWith({ authorization: `Bearer ${s2.sessionToken}` })).auth.me();
    expect(me2.deviceId).toBe('d2');
  });

  it('refuses an expired session', async () => {
    const s = await signIn(await signIdToken(key, { sub: 'sub-exp' }));
    await h.t.db.session.updateMany({
      where: { deviceId: 'phone-1' },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    await expect(
      (await h.callerWith({ authorization: `Bearer ${s.sessionToken}` })).auth.me(),
    ).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
  });
});

describe('auth.options', () => {
  it('tells an app, without a session, which sign-ins this server offers', async () => {
    expect(await (await h.callerWith()).auth.options()).toEqual({ devSignIn: false, googleSignIn: true });
  });
});

describe('auth.devSignIn', () => {
  it('does not exist unless DEV_LOGIN is on', async () => {
    await expect(
      (await h.callerWith()).auth.devSignIn({ email: 'dev@example.com', deviceId: 'd' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await h.t.db.user.count({ where: { email: 'dev@example.com' } })).toBe(0);
  });
});
