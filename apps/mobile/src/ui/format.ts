/** Dates and times as a shop owner reads them, in the phone's locale and time zone. */

export const formatTime = (iso: string, locale?: string) =>
  new Date(iso).toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' });

export const formatDate = (iso: string, locale?: string) =>
  new Date(iso).toLocaleDateString(locale, { day: 'numeric', month: 'short', year: 'numeric' });

/** "10:14" today, "3 Dec 2026, 10:14" on another day; in `locale` (the device's when none). */
export function formatWhen(iso: string, now = new Date(), locale?: string): string {
  const d = new Date(iso);
  if (d.toDateString() === now.toDateString()) return formatTime(iso, locale);
  return new Date(iso).toLocaleString(locale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}

/** "1 change" / "3 changes". */
export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
