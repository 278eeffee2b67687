import { dayIn } from '@storesync/schema';

/** The phone's calendar day around `now`: its bounds as ISO-8601 UTC, and the day as `YYYY-MM-DD`. */
export function phoneDay(now = new Date()) {
  const start = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  const end = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
  return {
    from: start.toISOString(),
    to: end.toISOString(),
    today: dayIn(Intl.DateTimeFormat().resolvedOptions().timeZone, now),
  };
}
