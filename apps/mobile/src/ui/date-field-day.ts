/** A due date is a calendar day, `YYYY-MM-DD`, with no time and no zone: these keep it that way. */

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Midnight of `day` on the phone's clock (what a native picker shows), or null for no or a bad day. */
export function dayToDate(day: string): Date | null {
  const m = DAY.exec(day);
  return m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : null;
}

/**
 * An entry's moment moved to `day` (back-dating): the time of day of `from` (now for a new
 * entry, its own time for an edit) on that day, on the phone's clock; null for a bad day.
 */
export function atDay(day: string, from: Date): string | null {
  const d = dayToDate(day);
  if (!d) return null;
  d.setHours(from.getHours(), from.getMinutes(), from.getSeconds(), from.getMilliseconds());
  return d.toISOString();
}

/** The day a picker's `Date` falls on, on the phone's clock. */
export const dateToDay = (d: Date): string =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/** "30 Nov 2026" / "Nov 30, 2026" / "30/11/2026"…: the day in `tag`'s words, read in UTC so no zone shifts it. */
export function formatDay(day: string, tag: string): string {
  const m = DAY.exec(day);
  if (!m) return day;
  const utc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeZone: 'UTC' }).format(utc);
}
