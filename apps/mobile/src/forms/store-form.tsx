import { isLocale, LOCALE_CODES, LOCALES } from '@storesync/i18n';
import {
  CountrySchema,
  currencyOfLocale,
  DEFAULT_LINK_DAYS,
  DEFAULT_REMIND_DAYS,
  graphemeLength,
  isCurrencyInUse,
  minorDigits,
} from '@storesync/schema';
import { useSettings } from '@storesync/sync-client/react';
import { getLocales } from 'expo-localization';
import { useEffect, useRef, useState } from 'react';
import { StyleSheet, Text, View } from 'react-native';
import { useBook } from '../book/book-provider';
import { useCurrency } from '../book/currency';
import { useRead } from '../book/reads';
import { useLocale } from '../i18n/locale';
import { Button } from '../ui/button';
import { useConfirm } from '../ui/confirm';
import { Card, Muted } from '../ui/layout';
import { TextField } from '../ui/text-field';
import { colors, space } from '../ui/theme';
import { FormError } from './form-error';

/** The phone's region (`KE` on en-KE), the country suggested before the store has one. */
export function deviceRegion(): string {
  try {
    const region = getLocales().find((l) => l.regionCode)?.regionCode ?? '';
    return CountrySchema.safeParse(region).success ? region : '';
  } catch {
    return '';
  }
}

/** Whole days from `min` to `max`, or null (the default) when left empty; undefined when unreadable. */
export function parseDays(text: string, min: number, max: number): number | null | undefined {
  const s = text.trim();
  if (s === '') return null;
  if (!/^\d+$/.test(s)) return undefined;
  const n = Number(s);
  return n >= min && n <= max ? n : undefined;
}

const LINK = { min: 1, max: 3650 };
const REMIND = { min: 1, max: 365 };

interface StoreFormProps {
  /** `setup`: the first run's four questions and Start; `settings`: those and the reminder days. */
  mode: 'setup' | 'settings';
  onSaved?: () => void;
}

/** The store's settings, set once for every device of the store (a synced change like any other). */
export function StoreForm({ mode, onSaved }: StoreFormProps) {
  const { book } = useBook();
  const settings = useSettings(book);
  const { currency, isSet } = useCurrency();
  const { t, locale, alignStart } = useLocale();
  const hasAmounts = useRead('hasEntries', (r) => r.hasEntries()) ?? true;
  const [name, setName] = useState('');
  const [country, setCountry] = useState('');
  const [code, setCode] = useState(currency);
  const [codeTouched, setCodeTouched] = useState(false);
  const [language, setLanguage] = useState<string>(locale);
  const [linkDays, setLinkDays] = useState('');
  const [remindDays, setRemindDays] = useState('');
  const [tried, setTried] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [saved, setSaved] = useState(false);
  // Once the owner edits, values arriving from another device no longer overwrite what is typed.
  const [dirty, setDirty] = useState(false);
  // Read by the effect below: an effect still pending from the render before a keystroke sees
  // the keystroke here, where its own `dirty` is stale (it used to put the suggestion back).
  const typed = useRef(false);
  const [dialog, ask] = useConfirm();

  // The store's values as they arrive (another device may have set them), else the phone's suggestions.
  useEffect(() => {
    if (dirty || typed.current) return;
    setName(settings?.shopName ?? '');
    setCountry(settings?.country ?? deviceRegion());
    setCode(currency);
    setLanguage(settings?.language ?? locale);
    setLinkDays(settings?.linkDays ? String(settings.linkDays) : '');
    setRemindDays(settings?.remindDays ? String(settings.remindDays) : '');
  }, [settings, currency, locale, dirty]);

  const edit =
    <V,>(set: (v: V) => void) =>
    (v: V) => {
      typed.current = true;
      set(v);
      setSaved(false);
      setDirty(true);
    };
  const nextCode = code.trim().toUpperCase();
  const nextCountry = country.trim().toUpperCase();
  const nameError = tried && name.trim() === '' ? t('phone.setup.enterShopName') : null;
  const codeError = isCurrencyInUse(nextCode) ? null : t('store.currencyUnknown');
  const countryError =
    nextCountry === '' && mode === 'settings'
      ? null
      : CountrySchema.safeParse(nextCountry).success
        ? null
        : tried || nextCountry.length >= 2
          ? t('phone.setup.countryUnknown')
          : null;
  const link = parseDays(linkDays, LINK.min, LINK.max);
  const remind = parseDays(remindDays, REMIND.min, REMIND.max);
  const daysError = (v: number | null | undefined, r: typeof LINK) =>
    v === undefined ? t('phone.settings.daysRange', r) : null;
  const tooLong = graphemeLength(name.trim()) > 200;

  const changeCountry = (text: string) => {
    edit(setCountry)(text);
    // Until the owner types a currency, it follows the country: KE → KES, PK → PKR.
    const cc = text.trim().toUpperCase();
    const suggested = CountrySchema.safeParse(cc).success ? currencyOfLocale(`und-${cc}`) : null;
    if (!codeTouched && !isSet && suggested && isCurrencyInUse(suggested)) setCode(suggested);
  };

  const save = async () => {
    setTried(true);
    const invalid =
      name.trim() === '' ||
      tooLong ||
      codeError ||
      (nextCountry !== '' || mode === 'setup' ? !CountrySchema.safeParse(nextCountry).success : false) ||
      (mode === 'settings' && (link === undefined || remind === undefined));
    if (invalid) return;
    // Amounts are kept in the currency's smallest unit: other decimals re-read every amount.
    if (isSet && hasAmounts && minorDigits(nextCode) !== minorDigits(currency)) {
      const ok = await ask({
        title: t('store.switchTitle', { code: nextCode }),
        message: t('store.switchMessage', {
          from: currency,
          fromDigits: minorDigits(currency),
          to: nextCode,
          toDigits: minorDigits(nextCode),
        }),
        confirmLabel: t('store.switchConfirm', { code: nextCode }),
        destructive: true,
      });
      if (!ok) return;
    }
    try {
      await book.settings.set({
        shopName: name.trim(),
        country: nextCountry || null,
        currency: nextCode,
        language,
        ...(mode === 'settings' && { linkDays: link ?? null, remindDays: remind ?? null }),
      });
      setError(undefined);
      setSaved(true);
      typed.current = false;
      setDirty(false);
      onSaved?.();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <Card>
      {mode === 'settings' ? (
        <Text style={[styles.title, alignStart]}>{t('phone.settings.shop')}</Text>
      ) : null}
      <TextField
        label={t('phone.setup.shopName')}
        value={name}
        onChangeText={edit(setName)}
        maxLength={200}
        placeholder={t('phone.setup.shopNamePlaceholder')}
        error={nameError}
      />
      <TextField
        label={t('phone.setup.country')}
        value={country}
        onChangeText={changeCountry}
        autoCapitalize="characters"
        autoComplete="off"
        error={countryError}
        hint={t('phone.setup.countryHelp', { example: deviceRegion() || 'KE' })}
      />
      <TextField
        label={t('phone.setup.currency')}
        value={code}
        onChangeText={(v) => {
          setCodeTouched(true);
          edit(setCode)(v);
        }}
        autoCapitalize="characters"
        autoComplete="off"
        error={codeError}
        hint={isSet ? null : t('phone.setup.currencyHelp', { example: currency })}
      />
      <Text style={[styles.label, alignStart]}>{t('phone.setup.language')}</Text>
      <View style={styles.choices} accessibilityLabel={t('phone.setup.language')}>
        {LOCALE_CODES.map((l) => (
          <Button
            key={l}
            compact
            variant={language === l || (!isLocale(language) && l === 'en') ? 'primary' : 'secondary'}
            label={LOCALES[l].name}
            onPress={() => edit(setLanguage)(l)}
          />
        ))}
      </View>
      <Muted>{t('phone.setup.languageHelp')}</Muted>
      {mode === 'settings' ? (
        <View style={styles.days}>
          <TextField
            label={t('phone.settings.linkDays')}
            value={linkDays}
            onChangeText={edit(setLinkDays)}
            keyboardType="number-pad"
            inputMode="numeric"
            placeholder={String(DEFAULT_LINK_DAYS)}
            error={daysError(link, LINK)}
            hint={t('phone.settings.daysDefault', { days: DEFAULT_LINK_DAYS })}
          />
          <TextField
            label={t('phone.settings.remindDays')}
            value={remindDays}
            onChangeText={edit(setRemindDays)}
            keyboardType="number-pad"
            inputMode="numeric"
            placeholder={String(DEFAULT_REMIND_DAYS)}
            error={daysError(remind, REMIND)}
            hint={t('phone.settings.daysDefault', { days: DEFAULT_REMIND_DAYS })}
          />
        </View>
      ) : null}
      <FormError message={error} />
      <Button
        label={mode === 'setup' ? t('phone.setup.start') : t('phone.settings.save')}
        variant={mode === 'setup' ? 'primary' : 'secondary'}
        onPress={save}
      />
      {saved && mode === 'settings' ? <Muted>{t('phone.settings.saved')}</Muted> : null}
      {dialog}
    </Card>
  );
}

const styles = StyleSheet.create({
  title: { fontSize: 16, fontWeight: '700', color: colors.text, marginBottom: space.sm },
  label: { fontSize: 14, fontWeight: '600', color: colors.text, marginBottom: space.xs },
  choices: { flexDirection: 'row', flexWrap: 'wrap', gap: space.xs, marginBottom: space.xs },
  days: { marginTop: space.md },
});
