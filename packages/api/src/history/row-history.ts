import { entityFieldNames } from '@storesync/schema';
import type { AuthedContext } from '../dashboard/authed-context.ts';
import { notFound } from '../dashboard/live-rows.ts';
import { type HistoryEntry, rowHistory } from './diff.ts';

/** The rows that have a history on the dashboard. */
export const HISTORY_ENTITIES = ['customers', 'debts', 'payments', 'sales'] as const;
export type HistoryEntity = (typeof HISTORY_ENTITIES)[number];

/** The dashboard's writes come from a device `web:<session>`. */
export const DASHBOARD = 'Dashboard';

interface EventRow {
  event_id: bigint;
  device_id: string;
  payload: Record<string, unknown>;
  client_updated_at: Date;
  server_received_at: Date;
}

/** Each device's name as it signed in most recently; the dashboard's sessions are "Dashboard". */
async function deviceNames(ctx: AuthedContext, deviceIds: string[]): Promise<Map<string, string>> {
  const sessions = await ctx.db.session.findMany({
    where: { userId: ctx.auth.user.id, deviceId: { in: deviceIds }, deviceName: { not: null } },
    select: { deviceId: true, deviceName: true },
    orderBy: { createdAt: 'asc' },
  });
  const names = new Map(deviceIds.map((id) => [id, id.startsWith('web:') ? DASHBOARD : id]));
  for (const s of sessions)
    if (s.deviceName && !s.deviceId.startsWith('web:')) names.set(s.deviceId, s.deviceName);
  return names;
}

/**
 * A row's history from the store's change log, newest first: who (by device name), when and
 * what changed, and which value of each field stands. A row of another store, or none, is
 * `NOT_FOUND`, the same answer.
 */
export async function historyOfRow(
  ctx: AuthedContext,
  entity: HistoryEntity,
  id: string,
): Promise<(HistoryEntry & { device: string })[]> {
  const events = await ctx.db.$queryRaw<EventRow[]>`
    SELECT event_id, device_id, payload, client_updated_at, server_received_at FROM sync_events
    WHERE user_id = ${ctx.auth.user.id}::uuid AND entity = ${entity} AND entity_id = ${id}::uuid
    ORDER BY event_id`;
  if (events.length === 0) throw notFound(entity);
  const names = await deviceNames(ctx, [...new Set(events.map((e) => e.device_id))]);
  const history = rowHistory(
    events.map((e) => ({
      eventId: Number(e.event_id),
      deviceId: e.device_id,
      row: e.payload,
      editedAt: e.client_updated_at.toISOString(),
      receivedAt: e.server_received_at.toISOString(),
    })),
    entityFieldNames(entity),
  );
  return history.map((h) => ({ ...h, device: names.get(h.deviceId) ?? h.deviceId }));
}
