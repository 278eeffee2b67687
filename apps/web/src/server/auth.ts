import { headers } from 'next/headers';
import { getServerSession } from 'next-auth';
import { apiConfig, env } from '~/env';
import { createAuthOptions, webAuthOf } from './auth-options';
import { getDb } from './db';

const [webClientId] = env.GOOGLE_CLIENT_IDS;

const google =
  webClientId && env.GOOGLE_CLIENT_SECRET
    ? { clientId: webClientId, clientSecret: env.GOOGLE_CLIENT_SECRET }
    : undefined;

/** Which sign-in buttons the sign-in page offers. */
export const signInMethods = { google: google !== undefined, demo: env.DEV_LOGIN };

export const authOptions = createAuthOptions({
  getDb,
  secret: env.authSecret,
  google,
  devLogin: env.DEV_LOGIN,
  sessions: { ttlMs: apiConfig.sessionTtlMs, maxSessions: apiConfig.maxSessionsPerAccount },
  // Read inside next-auth's route handler, where the signing-in request's headers are at hand.
  userAgent: async () => (await headers()).get('user-agent'),
});

/**
 * The signed-in dashboard user, for server components and the tRPC route: a
 * cookie whose session was signed out (here, from another browser, or
 * everywhere) is no session. Without a secret there are no dashboard sessions;
 * devices' bearer tokens still work.
 */
export const getWebAuth = async () =>
  env.authSecret ? webAuthOf(authOptions, (options) => getServerSession(options), getDb) : null;
