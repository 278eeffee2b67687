import { formatter, isLocale, LOCALES, type Locale, matchLocale, type T, translator } from '@storesync/i18n';
import { getLocales } from 'expo-localization';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { Platform, type TextStyle } from 'react-native';
import { saved } from '../book/saved';
import { setLayoutDirection } from './direction';
import { isolate } from './isolate';

/** Where this phone's choice of language is kept (per device, beside the session). */
const KEY = 'storesync.language';

export interface LocaleValue {
  /** The catalogue's language the app speaks. */
  locale: Locale;
  /** The same language with the device's region, for `Intl` (`ur-PK`, `en-KE`, `sw-KE`). */
  tag: string;
  dir: 'ltr' | 'rtl';
  /** Messages; in a right-to-left language each argument (amount, name, phone, date) is isolated. */
  t: T;
  /** The owner's choice on this phone; null when the app follows the device's language. */
  chosen: Locale | null;
  /** Sets (or with null, clears) the choice: a re-render, nothing in the book changes. */
  choose: (locale: Locale | null) => Promise<void>;
  /** Follows the store's default language (`settings.language`), used when this phone chose none. */
  setStoreLanguage: (language: string | null) => void;
  /** True after a switch of direction on a phone, until it restarts (React Native's rule). */
  restartNeeded: boolean;
  /** Text that lines up with the layout (its start), whatever the direction of its own content. */
  alignStart: TextStyle;
  format: ReturnType<typeof formatter>;
}

const LocaleContext = createContext<LocaleValue | null>(null);

/** The device's languages, best first (`navigator.languages` on the web). */
const deviceTags = (): string[] => {
  try {
    return getLocales().map((l) => l.languageTag);
  } catch {
    return [];
  }
};

/** The language with the region of the first device locale that has one: `ur` on `en-PK` → `ur-PK`. */
export function intlTag(locale: Locale, device: readonly string[]): string {
  const same = device.find((tag) => tag.toLowerCase().split(/[-_]/)[0] === locale);
  if (same) return same;
  const region = device
    .map((tag) => tag.split(/[-_]/).find((p, i) => i > 0 && /^[A-Z]{2}$/.test(p)))
    .find(Boolean);
  return region ? `${locale}-${region}` : locale;
}

/** In a right-to-left message every argument is a unit of its own (Unicode isolates), so "Rs 1,500" never scrambles. */
function isolating(t: T): T {
  const wrap = (values?: Record<string, unknown>) =>
    values &&
    Object.fromEntries(Object.entries(values).map(([k, v]) => [k, typeof v === 'string' ? isolate(v) : v]));
  const out = ((key: string, values?: Record<string, unknown>, formats?: unknown) =>
    (t as unknown as (k: string, v?: unknown, f?: unknown) => string)(
      key,
      wrap(values),
      formats,
    )) as unknown as T;
  return Object.assign(out, t);
}

/**
 * The app's language: the one chosen in Settings (kept on this phone), else the store's
 * (`settings.language`, set at the first run), else the device's (`matchLocale` over its languages). Sets the layout's direction (the document's `dir`
 * on the web; `I18nManager` on a phone, which takes effect at the next start).
 */
export function LocaleProvider({ children, initial }: { children: ReactNode; initial?: Locale }) {
  const device = useMemo(deviceTags, []);
  const [chosen, setChosen] = useState<Locale | null | undefined>(initial ?? undefined);
  const [restartNeeded, setRestartNeeded] = useState(false);
  useEffect(() => {
    if (initial) return;
    saved.get(KEY).then(
      (code) => setChosen(code && isLocale(code) ? code : null),
      () => setChosen(null),
    );
  }, [initial]);
  // The phone's own choice, else the store's language (a BCP 47 tag: `sw`, `pt-BR`), else the device's.
  const [storeLanguage, setStoreLanguage] = useState<string | null>(null);
  const storeBase = storeLanguage?.toLowerCase().split('-')[0] ?? '';
  const locale = chosen ?? (isLocale(storeBase) ? storeBase : matchLocale(device));
  const { dir } = LOCALES[locale];
  const tag = intlTag(locale, device);
  useEffect(() => {
    if (chosen === undefined) return;
    if (setLayoutDirection(dir, tag)) setRestartNeeded(true);
  }, [chosen, dir, tag]);
  const choose = useCallback(async (next: Locale | null) => {
    if (next) await saved.set(KEY, next);
    else await saved.remove(KEY);
    setChosen(next);
  }, []);
  const value = useMemo((): LocaleValue => {
    const plain = translator(locale);
    return {
      locale,
      tag,
      dir,
      t: dir === 'rtl' ? isolating(plain) : plain,
      chosen: chosen ?? null,
      choose,
      setStoreLanguage,
      restartNeeded,
      alignStart: { textAlign: Platform.OS === 'web' && dir === 'rtl' ? 'right' : 'left' },
      // With the device's region (`ur-PK`): use-intl passes it to Intl as is.
      format: formatter(tag as Locale),
    };
  }, [locale, tag, dir, chosen, choose, restartNeeded]);
  // The saved choice is read before the first screen, so no screen shows in the wrong language.
  if (chosen === undefined) return null;
  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>;
}

export function useLocale(): LocaleValue {
  const value = useContext(LocaleContext);
  if (!value) throw new Error('useLocale outside LocaleProvider');
  return value;
}

/** The translator alone, the common case. */
export const useT = () => useLocale().t;
