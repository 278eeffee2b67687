import { LOCALES, type Locale, type T, translator } from '@storesync/i18n';
import { formatMoney, minorDigits } from '@storesync/schema';

/** A calendar day `YYYY-MM-DD` as a local Date at midnight (not UTC, which would shift it a day west). */
const dayDate = (day: string) => {
  const [y = 1970, m = 1, d = 1] = day.split('-').map(Number);
  return new Date(y, m - 1, d);
};

/** First strong isolate … pop directional isolate: keeps a number or name whole inside other-direction text. */
const FSI = '\u2068';
const PDI = '\u2069';

/**
 * Everything the dashboard says and formats, in one locale: `t` for words, and amounts, dates
 * and times by `Intl` in `formatLocale` (the locale, or the browser's regional variant of it).
 */
export function makeI18n(locale: Locale, formatLocale: string = locale) {
  const dir = LOCALES[locale].dir;
  const t: T = translator(locale);
  // Right to left, a Latin "AM" after the digits swaps places with them ("AM 10:36"): a 24-hour clock reads whole.
  const clock: Intl.DateTimeFormatOptions = dir === 'rtl' ? { hourCycle: 'h23' } : {};
  const date = (value: Date, options: Intl.DateTimeFormatOptions) =>
    value.toLocaleString(formatLocale, { ...options, ...clock });
  /**
   * An argument of a sentence isolated from the words around it in right-to-left text, so
   * "Rs 1,500" or a Latin name never swaps places with its neighbours; unchanged left to right.
   */
  const isolate = (text: string) => (dir === 'rtl' ? `${FSI}${text}${PDI}` : text);
  return {
    locale,
    formatLocale,
    dir,
    t,
    isolate,
    money: (minor: number, currency: string) => formatMoney(minor, currency, formatLocale),
    /** Axis labels: `KSh 12K`. */
    compactMoney: (minor: number, currency: string) =>
      new Intl.NumberFormat(formatLocale, { style: 'currency', currency, notation: 'compact' }).format(
        minor / 10 ** minorDigits(currency),
      ),
    number: (n: number) => new Intl.NumberFormat(formatLocale).format(n),
    /** `2026-11-24` → `24 Nov`. */
    shortDay: (day: string) =>
      dayDate(day).toLocaleDateString(formatLocale, { day: 'numeric', month: 'short' }),
    /** `2026-11-24` → `Tuesday, 24 November 2026`. */
    longDay: (day: string) =>
      dayDate(day).toLocaleDateString(formatLocale, {
        weekday: 'long',
        day: 'numeric',
        month: 'long',
        year: 'numeric',
      }),
    /** A due date: `15 Dec 2026`. */
    calendarDay: (day: string) =>
      dayDate(day).toLocaleDateString(formatLocale, { day: 'numeric', month: 'short', year: 'numeric' }),
    /** An instant as a short local date and time; the year only when it is not this year's. */
    dateTime: (iso: string) => {
      const value = new Date(iso);
      const thisYear = value.getFullYear() === new Date().getFullYear();
      return date(value, {
        day: 'numeric',
        month: 'short',
        ...(!thisYear && { year: 'numeric' }),
        hour: 'numeric',
        minute: '2-digit',
      });
    },
    timeOfDay: (iso: string) =>
      new Date(iso).toLocaleTimeString(formatLocale, { timeStyle: 'short', ...clock }),
    /** Names in this language's order (`Intl.Collator`): accents and case as a reader expects. */
    collator: new Intl.Collator(formatLocale, { sensitivity: 'base', numeric: true }),
  };
}

export type I18n = ReturnType<typeof makeI18n>;
