import { LOCALE_CODES, LOCALES, matchLocale } from '@storesync/i18n';
import { getLocales } from 'expo-localization';
import { StyleSheet, Text, View } from 'react-native';
import { restartApp } from '../i18n/direction';
import { useLocale } from '../i18n/locale';
import { Button } from './button';
import { Muted } from './layout';
import { colors, space } from './theme';

/**
 * This phone's language: the device's (the default) or one chosen here, each named in itself.
 * Choosing re-renders the screens in place: the book, unsent changes and any open form stay. A
 * change of direction on a phone (Urdu) takes a restart, offered here.
 */
export function LanguagePicker() {
  const { t, dir, chosen, choose, restartNeeded, alignStart } = useLocale();
  const device = matchLocale(getLocales().map((l) => l.languageTag));
  return (
    <View style={styles.picker}>
      <Text style={[styles.title, alignStart]}>{t('language.title')}</Text>
      <View style={styles.choices}>
        <Button
          compact
          variant={chosen === null ? 'primary' : 'secondary'}
          label={t('language.device', { name: LOCALES[device].name })}
          onPress={() => void choose(null)}
        />
        {LOCALE_CODES.map((code) => (
          <Button
            key={code}
            compact
            variant={chosen === code ? 'primary' : 'secondary'}
            label={LOCALES[code].name}
            onPress={() => void choose(code)}
          />
        ))}
      </View>
      {restartNeeded ? (
        <>
          <Muted>{t('language.restartNote', { dir })}</Muted>
          <Button
            compact
            variant="secondary"
            label={t('language.restart')}
            onPress={() => void restartApp()}
          />
        </>
      ) : null}
    </View>
  );
}

const styles = StyleSheet.create({
  picker: { gap: space.sm },
  title: { fontSize: 16, color: colors.text },
  choices: { flexDirection: 'row', flexWrap: 'wrap', gap: space.sm },
});
