/** Dates and times as a shop owner reads them, in the phone's locale and time zone. */

const TIME: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit' };
const DATE: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric' };
const DATE_TIME: Intl.DateTimeFormatOptions = { ...DATE, ...TIME };

/** Each format made once per locale: a history shows a time on every row, and making one costs far more than using it. */
const formats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(kind: string, options: Intl.DateTimeFormatOptions, locale?: string) {
  const key = `${kind}|${locale ?? ''}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    formats.set(key, format);
  }
  return format;
}

export const formatTime = (iso: string, locale?: string) =>
  dateFormat('time', TIME, locale).format(new Date(iso));

export const formatDate = (iso: string, locale?: string) =>
  dateFormat('date', DATE, locale).format(new Date(iso));

/** "10:14" today, "3 Dec 2026, 10:14" on another day; in `locale` (the device's when none). */
export function formatWhen(iso: string, now = new Date(), locale?: string): string {
  const d = new Date(iso);
  if (d.toDateString() === now.toDateString()) return formatTime(iso, locale);
  return dateFormat('dateTime', DATE_TIME, locale).format(d);
}

/** "1 change" / "3 changes". */
export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
