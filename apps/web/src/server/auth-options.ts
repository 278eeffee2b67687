import {
  type Auth,
  browserDeviceName,
  createWebSession,
  DEMO_EMAIL,
  findWebSession,
  revokeWebSession,
  seedDemoStore,
  upsertUser,
} from '@storesync/api';
import type { Db } from '@storesync/db';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import GoogleProvider from 'next-auth/providers/google';
import { z } from 'zod';
import { DEV_PROVIDER_ID, safeRedirect } from './auth-requests';

export interface AuthOptionsInput {
  getDb: () => Promise<Db>;
  secret: string | undefined;
  /** The web OAuth client; Google sign-in is offered only when both are set. */
  google?: { clientId: string; clientSecret: string } | undefined;
  devLogin: boolean;
  /** A dashboard session's lifetime and the account's cap on live sessions, as a phone's. */
  sessions: { ttlMs: number; maxSessions: number };
  /** The signing-in request's User-Agent, to name the browser in the devices list. */
  userAgent?: () => Promise<string | null>;
}

/** The identity a next-auth sign-in stands for, keyed like `auth.signIn`'s: by Google `sub`. */
export function identityOf(
  account: { provider: string; providerAccountId: string } | null | undefined,
  user: { email?: string | null; name?: string | null },
  profile?: { email_verified?: boolean } | undefined,
) {
  if (!account || !user.email) return null;
  if (account.provider === 'google') {
    if (profile?.email_verified !== true) return null;
    return { sub: account.providerAccountId, email: user.email, name: user.name ?? null };
  }
  if (account.provider === DEV_PROVIDER_ID)
    return { sub: `dev:${user.email.toLowerCase()}`, email: user.email.toLowerCase(), name: null };
  return null;
}

/**
 * next-auth with JWT sessions, each backed by a `sessions` row: on sign-in the
 * Google (or dev) identity is mapped to the same `users` row a device's
 * `auth.signIn` uses, and a session is started for the browser as a device of
 * its own (`web:<id>`). The (encrypted) token carries the session's secret, so
 * every request finds its row (`webAuthOf`): revoking the row ends the session.
 */
export function createAuthOptions(opts: AuthOptionsInput): NextAuthOptions {
  const providers: NextAuthOptions['providers'] = [];
  if (opts.google) providers.push(GoogleProvider(opts.google));
  if (opts.devLogin) {
    providers.push(
      CredentialsProvider({
        id: DEV_PROVIDER_ID,
        name: 'Demo store',
        credentials: { email: { label: 'Email', type: 'email' } },
        authorize: async (credentials) => {
          const email = z.email().safeParse(credentials?.email ?? 'demo@storesync.local');
          return email.success ? { id: email.data, email: email.data } : null;
        },
      }),
    );
  }
  return {
    secret: opts.secret,
    providers,
    session: { strategy: 'jwt', maxAge: Math.floor(opts.sessions.ttlMs / 1000) },
    callbacks: {
      redirect: ({ url, baseUrl }) => safeRedirect(url, baseUrl),
      async signIn({ account, user, profile }) {
        return identityOf(account, user, profile as { email_verified?: boolean } | undefined) !== null;
      },
      async jwt({ token, account, user, profile }) {
        if (!account) return token;
        const identity = identityOf(account, user, profile as { email_verified?: boolean } | undefined);
        if (!identity) return token;
        const db = await opts.getDb();
        const row = await upsertUser(db, identity);
        // The demo store comes with a few customers, debts and sales, so a newcomer sees it working.
        if (account.provider === DEV_PROVIDER_ID && row.email === DEMO_EMAIL) await seedDemoStore(db, row.id);
        // A browser that cannot be named is listed as one all the same.
        const deviceName = browserDeviceName(await opts.userAgent?.().catch(() => null));
        const web = await createWebSession(db, row, deviceName, opts.sessions);
        return { ...token, uid: row.id, sst: web.sst, email: row.email, name: row.name };
      },
      // What /api/auth/session tells the browser: never the session's secret.
      session: ({ session, token }) => ({ ...session, uid: token.uid }),
    },
    events: {
      async signOut({ token }) {
        await revokeWebSession(await opts.getDb(), (token as { sst?: unknown } | null)?.sst);
      },
    },
  };
}

/**
 * The dashboard caller of a request, or null: next-auth decrypts and checks the
 * cookie's JWT (`getSession` is `getServerSession` bound to the request), then
 * its session row is looked up, once, outside next-auth so that a database
 * outage fails the request (503) instead of reading as signed out.
 */
export async function webAuthOf(
  options: NextAuthOptions,
  getSession: (options: NextAuthOptions) => Promise<unknown>,
  getDb: () => Promise<Db>,
): Promise<Auth | null> {
  let secret: unknown = null;
  await getSession({
    ...options,
    callbacks: {
      ...options.callbacks,
      session: ({ session, token }) => {
        secret = token.sst;
        return session;
      },
    },
  });
  return secret ? findWebSession(await getDb(), secret) : null;
}
