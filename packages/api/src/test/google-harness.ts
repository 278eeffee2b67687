import type { ApiConfig } from '../config.ts';
import { newKey, serveJwks, type TestKey } from './google.ts';
import { createHarness, type Harness } from './harness.ts';

/** A PostgreSQL harness whose Google sign-in trusts one fresh key, served from a local JWKS. */
export interface GoogleHarness {
  h: Harness;
  /** The key Google would sign with; sign ID tokens with `signIdToken(key, …)`. */
  key: TestKey;
  jwks: Awaited<ReturnType<typeof serveJwks>>;
  /** Drops the database and stops the JWKS; returned from `beforeAll`, vitest runs it after the file. */
  close(): Promise<void>;
}

/**
 * `createHarness('pg')` with Google sign-in pointed at a JWKS on 127.0.0.1 that is refetched at
 * once on an unknown key, accepting ID tokens for `web-client` unless `overrides` says otherwise.
 */
export async function createGoogleHarness(overrides: Partial<ApiConfig> = {}): Promise<GoogleHarness> {
  const key = await newKey();
  const jwks = await serveJwks([key]);
  const h = await createHarness('pg', {
    googleJwksUrl: jwks.url,
    googleClientIds: ['web-client'],
    jwksCooldownMs: 0,
    ...overrides,
  });
  const close = async () => {
    await h.t.drop();
    await jwks.close();
  };
  return { h, key, jwks, close };
}
