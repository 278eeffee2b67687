import { createRemoteJWKSet, type JWTVerifyGetKey, jwtVerify } from 'jose';

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

export interface GoogleIdentity {
  sub: string;
  email: string;
  name: string | null;
}

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
  return {
    sub: String(payload.sub),
    email: payload.email,
    name: typeof payload.name === 'string' ? payload.name : null,
  };
}
