import type { Db } from '@storesync/db';
import { uuidV7 } from '@storesync/schema';
import { applyPush } from '../sync/push.ts';

/** The device the server's own writes are logged as (docs/protocol.md, Statement links). */
export const SERVER_DEVICE = 'server';
/** `lastOpenedAt` is written at most this often: a page reloaded all day is one write an hour. */
export const OPENED_EVERY_MS = 60 * 60 * 1000;

/**
 * Notes that a link's statement was opened: `lastOpenedAt` set through the push (the same
 * merge and change log as a revival, as device `server`), so every device of the store pulls
 * it. Only on a live link (a revoked one stays deleted), and only when the last note is over an
 * hour old.
 */
export async function noteOpened(
  db: Db,
  link: { userId: string; linkId: string; lastOpenedAt: string | null },
  now: Date,
): Promise<boolean> {
  if (link.lastOpenedAt && now.getTime() - Date.parse(link.lastOpenedAt) < OPENED_EVERY_MS) return false;
  const at = now.toISOString();
  const { results } = await applyPush(
    db,
    { userId: link.userId, deviceId: SERVER_DEVICE, now: () => now },
    [
      {
        eventUuid: uuidV7(),
        entity: 'links',
        entityId: link.linkId,
        op: 'upsert',
        payload: { lastOpenedAt: at },
        updatedFields: ['lastOpenedAt'],
        clientUpdatedAt: at,
      },
    ],
    { preconditions: [[{ entity: 'links', id: link.linkId }]] },
  );
  return results[0]?.status === 'applied';
}
