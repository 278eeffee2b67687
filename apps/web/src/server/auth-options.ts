import { randomUUID } from 'node:crypto';
import { type Auth, DEMO_EMAIL, seedDemoStore, upsertUser } from '@storesync/api';
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
 * next-auth with JWT sessions: on sign-in the Google (or dev) identity is mapped
 * to the same `users` row a device's `auth.signIn` uses; the token carries that
 * user id and a per-session id, which names the dashboard as a device (`web:<id>`).
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
    session: { strategy: 'jwt' },
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
        return { ...token, uid: row.id, sid: randomUUID(), email: row.email, name: row.name };
      },
      session({ session, token }) {
        return { ...session, uid: token.uid, sid: token.sid };
      },
    },
  };
}

/** The dashboard's session as the API's `Auth`, or null. */
export function authFromSession(
  session: { uid?: unknown; sid?: unknown; user?: { email?: string | null; name?: string | null } } | null,
): Auth | null {
  if (!session || typeof session.uid !== 'string' || typeof session.sid !== 'string') return null;
  return {
    user: { id: session.uid, email: session.user?.email ?? '', name: session.user?.name ?? null },
    deviceId: `web:${session.sid}`,
    sessionId: null,
  };
}
