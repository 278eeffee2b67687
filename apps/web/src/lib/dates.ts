/** A calendar day `YYYY-MM-DD` as a local Date at midnight (not UTC, which would shift it a day west). */
const dayDate = (day: string) => {
  const [y = 1970, m = 1, d = 1] = day.split('-').map(Number);
  return new Date(y, m - 1, d);
};

/** `2026-11-24` → `24 Nov` (in the browser's locale). */
export const shortDay = (day: string) =>
  dayDate(day).toLocaleDateString(undefined, { day: 'numeric', month: 'short' });

/** `2026-11-24` → `Tuesday, 24 November 2026` (in the browser's locale). */
export const longDay = (day: string) =>
  dayDate(day).toLocaleDateString(undefined, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });

/** An instant as the browser's local calendar day `YYYY-MM-DD`, for grouping by day. */
export const localDay = (iso: string) => {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};

/** An instant as a short local date and time; the year only when it is not this year's. */
export const dateTime = (iso: string) => {
  const date = new Date(iso);
  const thisYear = date.getFullYear() === new Date().getFullYear();
  return date.toLocaleString(undefined, {
    day: 'numeric',
    month: 'short',
    ...(!thisYear && { year: 'numeric' }),
    hour: 'numeric',
    minute: '2-digit',
  });
};

/** An instant as a local time of day. */
export const timeOfDay = (iso: string) => new Date(iso).toLocaleTimeString(undefined, { timeStyle: 'short' });

/** A `datetime-local` input's value as an ISO instant; left as typed when it is not a time, for the schema to refuse. */
export const fromDateTimeInput = (value: string) => {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toISOString();
};

/** The value of a `datetime-local` input for an instant, in local time. */
export const toDateTimeInput = (date: Date) => {
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
};

/** A calendar day `2026-12-15` as `15 Dec 2026` (in the browser's locale), as due dates read everywhere. */
export const calendarDay = (day: string) =>
  dayDate(day).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
