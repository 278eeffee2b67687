import {
  checkTemplate,
  defaultReminderTemplate,
  LOCALE_CODES,
  LOCALES,
  type Locale,
  REMINDER_PLACEHOLDERS,
} from '@storesync/i18n';
import { useSettings } from '@storesync/sync-client/react';
import { Stack } from 'expo-router';
import { useState } from 'react';
import { Text } from 'react-native';
import { useBook } from '../book/book-provider';
import { useLocale } from '../i18n/locale';
import { templateProblemText } from '../remind/template-problem';
import { Button } from '../ui/button';
import { Muted, Row, Screen } from '../ui/layout';
import { TextField } from '../ui/text-field';
import { colors } from '../ui/theme';

/**
 * The reminder message per language (settings.reminderTemplates, synced to every device): the
 * owner's own wording, checked before it is saved (unknown or missing placeholders, a lone
 * brace), or the catalogue's standard wording after a reset.
 */
export default function ReminderTemplatesScreen() {
  const { book } = useBook();
  const { t, locale: appLocale } = useLocale();
  const settings = useSettings(book);
  const templates = settings?.reminderTemplates ?? {};
  const [locale, setLocale] = useState<Locale>(appLocale);
  const [drafts, setDrafts] = useState<Partial<Record<Locale, string>>>({});
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const own = templates[locale];
  const text = drafts[locale] ?? own ?? defaultReminderTemplate(locale);
  const edit = (value: string) => {
    setDrafts({ ...drafts, [locale]: value });
    setError(null);
    setSaved(false);
  };
  const store = async (next: Record<string, string>) => {
    await book.settings.set({ reminderTemplates: Object.keys(next).length > 0 ? next : null });
    setDrafts({ ...drafts, [locale]: undefined });
    setSaved(true);
  };
  const save = async () => {
    const problem = checkTemplate(text);
    if (problem) return setError(templateProblemText(t, problem));
    await store({ ...templates, [locale]: text.trim() });
  };
  const reset = async () => {
    const { [locale]: _, ...rest } = templates;
    setError(null);
    await store(rest as Record<string, string>);
  };
  return (
    <Screen>
      <Stack.Screen options={{ title: t('remind.templates.title') }} />
      <Muted>{t('remind.templates.help')}</Muted>
      <Text style={{ color: colors.text, fontFamily: 'monospace' }}>
        {REMINDER_PLACEHOLDERS.map((p) => `{${p}}`).join('  ')}
      </Text>
      <Muted>{t('remind.templates.placeholders')}</Muted>
      <Row>
        {LOCALE_CODES.map((code) => (
          <Button
            key={code}
            compact
            variant={code === locale ? 'primary' : 'secondary'}
            label={LOCALES[code].name}
            onPress={() => {
              setLocale(code);
              setError(null);
              setSaved(false);
            }}
          />
        ))}
      </Row>
      <Muted>{own ? t('remind.templates.yours') : t('remind.templates.standard')}</Muted>
      <TextField
        label={t('remind.templates.title')}
        value={text}
        onChangeText={edit}
        error={error}
        multiline
        maxLength={1000}
      />
      <Row>
        <Button label={t('remind.templates.save')} onPress={() => void save()} />
        <Button variant="secondary" label={t('remind.templates.reset')} onPress={() => void reset()} />
      </Row>
      {saved ? <Muted>{t('remind.templates.saved')}</Muted> : null}
    </Screen>
  );
}
