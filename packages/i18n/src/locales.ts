import type { Catalogue } from './catalogue.ts';
import { en } from './locales/en.ts';
import { es } from './locales/es.ts';
import { fr } from './locales/fr.ts';
import { hi } from './locales/hi.ts';
import { sw } from './locales/sw.ts';
import { ur } from './locales/ur.ts';

export interface LocaleInfo {
  /** The language's name in itself, for a language picker. */
  name: string;
  /** Text direction: `rtl` mirrors the layout (the phone's I18nManager, the dashboard's `dir`). */
  dir: 'ltr' | 'rtl';
  messages: Catalogue;
}

/**
 * The registry: one line per locale. A new locale is a file in `locales/` (a `Catalogue`, so a
 * missing key fails `tsc`) and its line here; the tests then check its arguments and plurals.
 */
export const LOCALES = {
  en: { name: 'English', dir: 'ltr', messages: en },
  sw: { name: 'Kiswahili', dir: 'ltr', messages: sw },
  hi: { name: 'हिन्दी', dir: 'ltr', messages: hi },
  ur: { name: 'اردو', dir: 'rtl', messages: ur },
  fr: { name: 'Français', dir: 'ltr', messages: fr },
  es: { name: 'Español', dir: 'ltr', messages: es },
} as const satisfies Record<string, LocaleInfo>;

export type Locale = keyof typeof LOCALES;

export const SOURCE_LOCALE: Locale = 'en';

export const LOCALE_CODES = Object.keys(LOCALES) as Locale[];

export const isLocale = (code: string): code is Locale => Object.hasOwn(LOCALES, code);

/**
 * The first of the user's languages (a device's list, `Accept-Language`'s order) that we have,
 * by language: `ur-PK` → `ur`, `fr-SN` → `fr`; English when none is ours.
 */
export function matchLocale(requested: readonly string[]): Locale {
  for (const tag of requested) {
    const language = tag.trim().split(/[-_]/)[0]?.toLowerCase() ?? '';
    if (isLocale(language)) return language;
  }
  return SOURCE_LOCALE;
}
