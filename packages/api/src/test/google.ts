import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose';

type KeyPair = Awaited<ReturnType<typeof generateKeyPair>>;
export interface TestKey {
  kid: string;
  pair: KeyPair;
  jwk: JWK;
}

export async function newKey(): Promise<TestKey> {
  const pair = await generateKeyPair('RS256', { extractable: true });
  const kid = randomUUID();
  return { kid, pair, jwk: { ...(await exportJWK(pair.publicKey)), kid, alg: 'RS256', use: 'sig' } };
}

/** A JWKS endpoint on 127.0.0.1 standing in for Google's; `keys` may be changed to rotate. */
export async function serveJwks(
  keys: TestKey[],
): Promise<{ url: string; keys: TestKey[]; fetches: () => number; close(): Promise<void> }> {
  const state = { keys, count: 0 };
  const server: Server = createServer((_req, res) => {
    state.count += 1;
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ keys: state.keys.map((k) => k.jwk) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/oauth2/v3/certs`,
    get keys() {
      return state.keys;
    },
    set keys(k) {
      state.keys = k;
    },
    fetches: () => state.count,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export interface Claims {
  sub?: string;
  email?: string;
  email_verified?: boolean;
  name?: string;
  aud?: string;
  iss?: string;
  exp?: number;
}

/** Signs an ID token shaped like Google's. `kid` may name a key other than the signing one. */
export async function signIdToken(key: TestKey, claims: Claims = {}, kid = key.kid): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const { aud = 'web-client', iss = 'https://accounts.google.com', exp = now + 3600, ...rest } = claims;
  return new SignJWT({ email: 'owner@example.com', email_verified: true, sub: '1234567890', ...rest })
    .setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' })
    .setIssuer(iss)
    .setAudience(aud)
    .setIssuedAt(now - 10)
    .setExpirationTime(exp)
    .sign(key.pair.privateKey);
}
