import { randomUUID } from 'node:crypto';
import type { Db } from '@storesync/db';
import type { PublicUser } from '@storesync/schema';
import type { Auth } from '../context.ts';
import { createSession, findSession, hashToken } from './sessions.ts';

/** The dashboard's browsers are devices `web:<id>`: their writes, sessions and list entries say so. */
export const WEB_DEVICE_PREFIX = 'web:';
export const isWebDevice = (deviceId: string) => deviceId.startsWith(WEB_DEVICE_PREFIX);

/** What the dashboard's next-auth JWT carries (encrypted, in an HttpOnly cookie) to find its row. */
export interface WebSessionClaims {
  /** The session's secret: its SHA-256 is the row's `token_hash`, as a phone's bearer token. */
  sst: string;
}

/**
 * Starts a dashboard session: a row in `sessions` like a phone's, for a device of its
 * own (`web:<random id>`), so the devices list shows it and revoking it ends it.
 */
export async function createWebSession(
  db: Db,
  user: PublicUser,
  deviceName: string | null,
  opts: { ttlMs: number; maxSessions: number },
): Promise<WebSessionClaims & { deviceId: string }> {
  const deviceId = `${WEB_DEVICE_PREFIX}${randomUUID()}`;
  const { sessionToken } = await createSession(
    db,
    user,
    { deviceId, deviceName: deviceName ?? undefined },
    opts,
  );
  return { sst: sessionToken, deviceId };
}

/**
 * The dashboard caller behind a JWT's secret, or null when its row is revoked,
 * expired or gone: one lookup by the unique `token_hash`, on every request.
 */
export async function findWebSession(db: Db, secret: unknown): Promise<Auth | null> {
  if (typeof secret !== 'string' || secret === '') return null;
  const s = await findSession(db, secret);
  if (!s || !isWebDevice(s.deviceId)) return null;
  return { user: s.user, deviceId: s.deviceId, sessionId: s.sessionId };
}

/** Ends the dashboard session with this secret (next-auth's sign-out). */
export async function revokeWebSession(db: Db, secret: unknown): Promise<void> {
  if (typeof secret !== 'string' || secret === '') return;
  await db.session.updateMany({
    where: { tokenHash: hashToken(secret), revokedAt: null },
    data: { revokedAt: new Date() },
  });
}
