import type { Db } from '@storesync/db';
import { isWebDevice } from './web-sessions.ts';

/** A device signed in to the store, as the dashboard's settings list it. */
export interface DeviceInfo {
  deviceId: string;
  deviceName: string | null;
  signedInAt: string;
  /** The start of the latest minute it made a request in; null before its first request. */
  lastSeenAt: string | null;
  /** When the device last found its book equal to the store's digest (`sync.verified`); null before. */
  verifiedAt: string | null;
  /** A browser signed in to the dashboard (`web:<id>`), not a phone or tablet. */
  browser: boolean;
  /** The caller itself. */
  current: boolean;
}

/** The store's devices with a live session, the most recently seen first. */
export async function listDevices(db: Db, userId: string, callerDeviceId?: string): Promise<DeviceInfo[]> {
  const rows = await db.session.findMany({
    where: { userId, revokedAt: null, expiresAt: { gt: new Date() } },
    select: { deviceId: true, deviceName: true, createdAt: true, lastSeenAt: true, verifiedAt: true },
    orderBy: [{ lastSeenAt: { sort: 'desc', nulls: 'last' } }, { createdAt: 'desc' }],
  });
  // One entry per device: sessions made before re-sign-in revoked old ones may still be live.
  const seen = new Set<string>();
  return rows.flatMap((r) => {
    if (seen.has(r.deviceId)) return [];
    seen.add(r.deviceId);
    return [
      {
        deviceId: r.deviceId,
        deviceName: r.deviceName,
        signedInAt: r.createdAt.toISOString(),
        lastSeenAt: r.lastSeenAt?.toISOString() ?? null,
        verifiedAt: r.verifiedAt?.toISOString() ?? null,
        browser: isWebDevice(r.deviceId),
        current: r.deviceId === callerDeviceId,
      },
    ];
  });
}

/** Signs a device of this store out (every live session of it); the number of sessions ended. */
export async function revokeDevice(db: Db, userId: string, deviceId: string): Promise<number> {
  const { count } = await db.session.updateMany({
    where: { userId, deviceId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  return count;
}

/**
 * Signs every device and browser of this store out, the caller's included; the
 * number of sessions ended. Each revocation is announced (the sessions trigger),
 * so live streams close in every process at once.
 */
export async function revokeAllDevices(db: Db, userId: string): Promise<number> {
  const { count } = await db.session.updateMany({
    where: { userId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  return count;
}
