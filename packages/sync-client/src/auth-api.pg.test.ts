import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTrpcAuthApi } from './auth-api.ts';
import { failureKind } from './errors.ts';
import { startTestServer, type TestServer } from './test/server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
}, 60_000);
afterAll(async () => {
  await server.stop();
});

describe('createTrpcAuthApi against the real server', () => {
  it('says which sign-ins it offers, signs a device in, says who it is, and signs it out', async () => {
    let token: string | null = null;
    const auth = createTrpcAuthApi({ url: server.url, getToken: () => token });
    expect(await auth.options()).toEqual({ devSignIn: true, googleSignIn: false });
    const session = await auth.devSignIn({ email: 'owner@example.com', deviceId: 'phone-1' });
    expect(session).toMatchObject({ user: { email: 'owner@example.com' }, sessionToken: expect.any(String) });
    token = session.sessionToken;
    expect(await auth.me()).toEqual({ user: session.user, deviceId: 'phone-1' });
    expect(await auth.signOut()).toEqual({ ok: true });
    const after = await auth.me().catch((error: unknown) => error);
    expect(failureKind(after)).toBe('unauthorized');
  });

  it('refuses a Google ID token it cannot verify, as unauthorized', async () => {
    const auth = createTrpcAuthApi({ url: server.url });
    const error = await auth.signIn({ idToken: 'not-a-jwt', deviceId: 'phone-2' }).catch((e: unknown) => e);
    expect(failureKind(error)).toBe('unauthorized');
  });
});
