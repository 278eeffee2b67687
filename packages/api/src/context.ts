import type { Db } from '@storesync/db';
import type { PublicUser } from '@storesync/schema';
import { findSession } from './auth/sessions.ts';
import type { ApiConfig } from './config.ts';

/** Who is calling: a user and the device the writes are attributed to. */
export interface Auth {
  user: PublicUser;
  deviceId: string;
  /** The bearer session, or null for the dashboard's next-auth session. */
  sessionId: string | null;
}

export interface Context {
  db: Db;
  config: ApiConfig;
  auth: Auth | null;
}

/** The context without any request: for tests and server-side callers. */
export const createContextInner = (opts: { db: Db; config: ApiConfig; auth?: Auth | null }): Context => ({
  db: opts.db,
  config: opts.config,
  auth: opts.auth ?? null,
});

export interface CreateContextOptions {
  db: Db;
  config: ApiConfig;
  headers: Headers;
  /** Resolves the dashboard's cookie session when no bearer token is sent. */
  webAuth?: () => Promise<Auth | null>;
}

/**
 * Resolves `Authorization: Bearer <sessionToken>`; without that header, the
 * web session. A bearer token that does not resolve is unauthenticated: it
 * never falls back to the cookie.
 */
export async function createContext(opts: CreateContextOptions): Promise<Context> {
  const header = opts.headers.get('authorization');
  let auth: Auth | null = null;
  if (header) {
    const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    const session = token ? await findSession(opts.db, token) : null;
    if (session) auth = { user: session.user, deviceId: session.deviceId, sessionId: session.sessionId };
  } else if (opts.webAuth) {
    auth = await opts.webAuth();
  }
  return createContextInner({ db: opts.db, config: opts.config, auth });
}

/** What an HTTP door needs to build a request's context. */
export interface RequestContextOptions {
  getDb: () => Promise<Db>;
  config: ApiConfig;
  webAuth?: ((req: Request) => Promise<Auth | null>) | undefined;
}

/** The context of an HTTP request: its bearer token, else the web session. */
export async function contextOfRequest(opts: RequestContextOptions, req: Request): Promise<Context> {
  return createContext({
    db: await opts.getDb(),
    config: opts.config,
    headers: req.headers,
    ...(opts.webAuth && { webAuth: () => opts.webAuth?.(req) ?? Promise.resolve(null) }),
  });
}
