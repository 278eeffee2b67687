import { getServerSession } from 'next-auth';
import { env } from '~/env';
import { authFromSession, createAuthOptions } from './auth-options';
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
});

/**
 * The signed-in dashboard user, for server components and the tRPC route.
 * Without a secret there are no dashboard sessions; devices' bearer tokens still work.
 */
export const getWebAuth = async () =>
  env.authSecret ? authFromSession(await getServerSession(authOptions)) : null;
