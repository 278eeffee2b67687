import { getServerSession } from 'next-auth';
import { env } from '~/env';
import { authFromSession, createAuthOptions } from './auth-options';
import { getDb } from './db';

const [webClientId] = env.GOOGLE_CLIENT_IDS;

export const authOptions = createAuthOptions({
  getDb,
  secret: env.authSecret,
  google:
    webClientId && env.GOOGLE_CLIENT_SECRET
      ? { clientId: webClientId, clientSecret: env.GOOGLE_CLIENT_SECRET }
      : undefined,
  devLogin: env.DEV_LOGIN,
});

/**
 * The signed-in dashboard user, for server components and the tRPC route.
 * Without a secret there are no dashboard sessions; devices' bearer tokens still work.
 */
export const getWebAuth = async () =>
  env.authSecret ? authFromSession(await getServerSession(authOptions)) : null;
