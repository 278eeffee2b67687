import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Db } from '@storesync/db';
import type { PublicUser, SignInOutput } from '@storesync/schema';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
const userSelect = { id: true, email: true, name: true } as const;

/** The `users` row for this identity: created on first sign-in, matched by `sub` after. */
export async function upsertUser(
  db: Db,
  identity: { sub: string; email: string; name: string | null },
): Promise<PublicUser> {
  return db.user.upsert({
    where: { googleSub: identity.sub },
    create: { id: randomUUID(), googleSub: identity.sub, email: identity.email, name: identity.name },
    update: { email: identity.email, ...(identity.name !== null && { name: identity.name }) },
    select: userSelect,
  });
}

/** Starts a device session; only the token's hash is stored. */
export async function createSession(
  db: Db,
  user: PublicUser,
  device: { deviceId: string; deviceName?: string | undefined },
  ttlMs: number,
): Promise<SignInOutput> {
  const sessionToken = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + ttlMs);
  await db.session.create({
    data: {
      id: randomUUID(),
      userId: user.id,
      tokenHash: hashToken(sessionToken),
      deviceId: device.deviceId,
      deviceName: device.deviceName ?? null,
      expiresAt,
    },
  });
  return { sessionToken, expiresAt: expiresAt.toISOString(), user };
}

export interface ActiveSession {
  sessionId: string;
  user: PublicUser;
  deviceId: string;
}

/** The live session a bearer token belongs to, or null if unknown, revoked or expired. */
export async function findSession(db: Db, token: string): Promise<ActiveSession | null> {
  const s = await db.session.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, deviceId: true, expiresAt: true, revokedAt: true, user: { select: userSelect } },
  });
  if (!s || s.revokedAt || s.expiresAt.getTime() <= Date.now()) return null;
  return { sessionId: s.id, user: s.user, deviceId: s.deviceId };
}

export async function revokeSession(db: Db, sessionId: string): Promise<void> {
  await db.session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
}
