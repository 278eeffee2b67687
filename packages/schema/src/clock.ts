/**
 * An event's clock: `(clientUpdatedAt, deviceId, eventUuid)`, compared in that
 * order. The timestamp is ISO-8601 UTC with milliseconds, so comparing the
 * strings compares the instants. Distinct events never tie.
 */
export type Clock = readonly [at: string, deviceId: string, eventUuid: string];

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function compareClocks(a: Clock, b: Clock): number {
  return cmp(a[0], b[0]) || cmp(a[1], b[1]) || cmp(a[2], b[2]);
}

/** How far ahead of the server a client's clock may run before it is clamped. */
export const MAX_CLOCK_SKEW_MS = 5 * 60 * 1000;

/** Clamps a client timestamp more than 5 minutes in the server's future to the server's time. */
export function clampClientTime(clientUpdatedAt: string, serverNow: Date): string {
  const at = Date.parse(clientUpdatedAt);
  return at - serverNow.getTime() > MAX_CLOCK_SKEW_MS ? serverNow.toISOString() : clientUpdatedAt;
}
