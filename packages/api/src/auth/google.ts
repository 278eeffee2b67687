import { text } from '@storesync/schema';
import { createRemoteJWKSet, type JWTVerifyGetKey, jwtVerify } from 'jose';
import { z } from 'zod';
import { describeZodError } from '../errors.ts';

const ISSUERS = ['accounts.google.com', 'https://accounts.google.com'];

/** One key set per URL for the process: jose caches the keys and refetches on an unknown `kid`. */
const keySets = new Map<string, JWTVerifyGetKey>();
const keySetFor = (url: string, cooldownDuration: number) => {
  let set = keySets.get(url);
  if (!set) {
    set = createRemoteJWKSet(new URL(url), { cooldownDuration });
    keySets.set(url, set);
  }
  return set;
};

/** The claims we store, as the database can hold them (a signature says who, not what is storable). */
const IdentitySchema = z.object({
  sub: text(1, 255),
  email: text(1, 320),
  name: text(0, 1000).nullable(),
});

export type GoogleIdentity = z.infer<typeof IdentitySchema>;

export class InvalidIdTokenError extends Error {}

/**
 * Verifies a Google ID token: RS256 signature against the JWKS, issuer, one of
 * our client ids as audience, expiry, and a verified email.
 */
export async function verifyGoogleIdToken(
  idToken: string,
  opts: { jwksUrl: string; clientIds: string[]; cooldownMs: number },
): Promise<GoogleIdentity> {
  if (opts.clientIds.length === 0) throw new InvalidIdTokenError('Google sign-in is not configured');
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(idToken, keySetFor(opts.jwksUrl, opts.cooldownMs), {
      algorithms: ['RS256'],
      issuer: ISSUERS,
      audience: opts.clientIds,
      clockTolerance: 5,
      requiredClaims: ['sub', 'exp', 'iat'],
    }));
  } catch (error) {
    throw new InvalidIdTokenError(`invalid ID token: ${(error as Error).message}`);
  }
  if (payload.email_verified !== true || typeof payload.email !== 'string') {
    throw new InvalidIdTokenError('invalid ID token: email not verified');
  }
  const identity = IdentitySchema.safeParse({
    sub: String(payload.sub),
    email: payload.email,
    name: typeof payload.name === 'string' ? payload.name : null,
  });
  if (!identity.success)
    throw new InvalidIdTokenError(`invalid ID token: ${describeZodError(identity.error)}`);
  return identity.data;
}
