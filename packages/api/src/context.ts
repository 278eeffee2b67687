import type { Db } from '@storesync/db';
import type { PublicUser } from '@storesync/schema';
import { findSession } from './auth/sessions.ts';
import type { ApiConfig } from './config.ts';
import { classifyError } from './errors.ts';
import { clientAddressOf } from './limits/client-address.ts';
import type { PokeHub } from './live/hub.ts';
import type { Logger } from './log.ts';

/** Who is calling: a user and the device the writes are attributed to. */
export interface Auth {
  user: PublicUser;
  deviceId: string;
  /** The caller's `sessions` row (a bearer token's, or the dashboard cookie's); null only for server-side callers. */
  sessionId: string | null;
}

/** What a request did, for its log line: filled in by the procedures it ran. */
export interface RequestLogFields {
  /** Events sent in pushes, and how many of them applied. */
  pushed?: number;
  applied?: number;
  /** Events served by pulls. */
  pulled?: number;
  /** With a read replica configured: where the (last) pull page was read. */
  pulledFrom?: 'primary' | 'replica';
  /** `sync.verified`: the entities a device found different from the digest and fetched again. */
  repaired?: string;
}

export interface Context {
  db: Db;
  config: ApiConfig;
  auth: Auth | null;
  /** The caller's address as the trusted proxy saw it, for sign-in limits; null when unknown. */
  clientAddress: string | null;
  log: RequestLogFields;
  /** The process's live subscriptions (started on first use); null where none run (server-side callers). */
  getLive: (() => Promise<PokeHub>) | null;
}

/** The context without any request: for tests and server-side callers. */
export const createContextInner = (opts: {
  db: Db;
  config: ApiConfig;
  auth?: Auth | null;
  clientAddress?: string | null;
  getLive?: (() => Promise<PokeHub>) | null | undefined;
}): Context => ({
  db: opts.db,
  config: opts.config,
  auth: opts.auth ?? null,
  clientAddress: opts.clientAddress ?? null,
  log: {},
  getLive: opts.getLive ?? null,
});

export interface CreateContextOptions {
  db: Db;
  config: ApiConfig;
  headers: Headers;
  /** Resolves the dashboard's cookie session when no bearer token is sent. */
  webAuth?: () => Promise<Auth | null>;
  getLive?: (() => Promise<PokeHub>) | null | undefined;
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
  const clientAddress = clientAddressOf(opts.headers, opts.config.trustedProxyHops);
  return createContextInner({ db: opts.db, config: opts.config, auth, clientAddress, getLive: opts.getLive });
}

/** What an HTTP door needs to build a request's context. */
export interface RequestContextOptions {
  getDb: () => Promise<Db>;
  config: ApiConfig;
  webAuth?: ((req: Request) => Promise<Auth | null>) | undefined;
  /** Where request lines go; pino to stdout by default. */
  logger?: Logger | undefined;
  /** The process's poke hub, for `sync.live`; without it the subscription answers NOT_IMPLEMENTED. */
  getLive?: (() => Promise<PokeHub>) | undefined;
}

/**
 * The context of an HTTP request: its bearer token, else the web session.
 * Fails as `classifyError` says (a database outage is `SERVICE_UNAVAILABLE`).
 */
export async function contextOfRequest(opts: RequestContextOptions, req: Request): Promise<Context> {
  try {
    return await createContext({
      db: await opts.getDb(),
      config: opts.config,
      headers: req.headers,
      getLive: opts.getLive,
      ...(opts.webAuth && { webAuth: () => opts.webAuth?.(req) ?? Promise.resolve(null) }),
    });
  } catch (error) {
    throw classifyError(error);
  }
}
