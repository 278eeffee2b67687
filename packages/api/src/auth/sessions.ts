import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Db } from '@storesync/db';
import type { PublicUser, SignInOutput } from '@storesync/schema';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
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

/**
 * Starts a device session; only the token's hash is stored. Signing in again
 * from a device revokes that device's older sessions, and past `maxSessions`
 * live sessions the account's oldest are revoked, so sessions never pile up.
 * Serialised per account, so two sign-ins at once cannot both slip past.
 */
export async function createSession(
  db: Db,
  user: PublicUser,
  device: { deviceId: string; deviceName?: string | undefined },
  opts: { ttlMs: number; maxSessions: number },
): Promise<SignInOutput> {
  const sessionToken = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + opts.ttlMs);
  await db.sql.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 7))`, [`sessions:${user.id}`]);
    // The device's old sessions, and the oldest of the others past the cap (counting the new one).
    await tx.query(
      `WITH same AS (UPDATE sessions SET revoked_at = now()
                     WHERE user_id = $1 AND device_id = $2 AND revoked_at IS NULL)
       UPDATE sessions SET revoked_at = now() WHERE id IN (
         SELECT id FROM sessions
         WHERE user_id = $1 AND device_id <> $2 AND revoked_at IS NULL AND expires_at > now()
         ORDER BY created_at DESC, id DESC OFFSET $3)`,
      [user.id, device.deviceId, Math.max(0, opts.maxSessions - 1)],
    );
    await tx.query(
      `INSERT INTO sessions (id, user_id, token_hash, device_id, device_name, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [randomUUID(), user.id, hashToken(sessionToken), device.deviceId, device.deviceName ?? null, expiresAt],
    );
  });
  return { sessionToken, expiresAt: expiresAt.toISOString(), user };
}

export interface ActiveSession {
  sessionId: string;
  user: PublicUser;
  deviceId: string;
}

/**
 * The live session a bearer token belongs to, or null if unknown, revoked or
 * expired. Every API request asks, so it is one query on the driver (a third
 * of the time of the same lookup through Prisma).
 */
export async function findSession(db: Db, token: string): Promise<ActiveSession | null> {
  const [s] = await db.sql.query<{
    id: string;
    device_id: string;
    expires_at: string;
    revoked: boolean;
    user_id: string;
    email: string;
    name: string | null;
  }>(
    `SELECT s.id::text, s.device_id, to_json(s.expires_at) #>> '{}' AS expires_at, s.revoked_at IS NOT NULL AS revoked,
            u.id::text AS user_id, u.email, u.name
     FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = $1`,
    [hashToken(token)],
  );
  if (!s || s.revoked || new Date(s.expires_at).getTime() <= Date.now()) return null;
  return { sessionId: s.id, user: { id: s.user_id, email: s.email, name: s.name }, deviceId: s.device_id };
}

/** Ends one session (signing out). */
export async function revokeSession(db: Db, sessionId: string): Promise<void> {
  await db.session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
}
