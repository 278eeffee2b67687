import { createFormatter, createTranslator } from 'use-intl/core';
import './polyfill';
import type { Messages } from './catalogue.ts';
import { en } from './locales/en.ts';
import { LOCALES, type Locale } from './locales.ts';
import { PSEUDO_LOCALE, pseudoCatalogue } from './pseudo.ts';

/** A locale of the catalogue, or the pseudo-locale (tests and layout checks). */
export type AnyLocale = Locale | typeof PSEUDO_LOCALE;

export interface TranslatorOptions {
  /** For dates in messages; the device's (or the server's) own zone by default. */
  timeZone?: string;
  /** A missing message or a bad argument at run time; use-intl logs it by default. */
  onError?: (error: Error) => void;
}

/** The typed `t`: keys and arguments from the English catalogue. */
export type T = ReturnType<typeof createTranslator<Messages>>;

let pseudo: Messages | null = null;

function messagesOf(locale: AnyLocale): Messages {
  if (locale === PSEUDO_LOCALE) {
    pseudo ??= pseudoCatalogue(en) as unknown as Messages;
    return pseudo;
  }
  // A translation has the source's keys and arguments (tsc and the tests check both), not its
  // literal texts: the keys and arguments are typed from English.
  return LOCALES[locale].messages as unknown as Messages;
}

const zone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/**
 * `t(key, args)` in `locale`: keys and each key's ICU arguments are typed from the English
 * catalogue, so `t('today.customersOwing', { count: 3 })` compiles and a wrong key or argument
 * does not. Works anywhere (server, browser, Hermes): no React.
 */
export function translator(locale: AnyLocale, options: TranslatorOptions = {}): T {
  return createTranslator({
    locale,
    messages: messagesOf(locale),
    timeZone: options.timeZone ?? zone(),
    ...(options.onError && { onError: options.onError }),
  });
}

/** Dates, numbers, lists and relative times ("3 days ago") in `locale`, by `Intl`. */
export function formatter(locale: AnyLocale, options: { timeZone?: string; now?: Date } = {}) {
  return createFormatter({
    locale,
    timeZone: options.timeZone ?? zone(),
    ...(options.now && { now: options.now }),
  });
}
