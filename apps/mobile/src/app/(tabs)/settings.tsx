import { useSyncStatus } from '@storesync/sync-client/react';
import { useRouter } from 'expo-router';
import { useEffect, useState } from 'react';
import { StyleSheet, Switch, Text, View } from 'react-native';
import { backgroundSyncSupported, isBackgroundSyncOn, setBackgroundSync } from '../../book/background';
import { useBook } from '../../book/book-provider';
import { FormError } from '../../forms/form-error';
import { StoreForm } from '../../forms/store-form';
import { useLocale } from '../../i18n/locale';
import { Button } from '../../ui/button';
import { useConfirm } from '../../ui/confirm';
import { DevicesCard } from '../../ui/devices-card';
import { LanguagePicker } from '../../ui/language-picker';
import { Card, Heading, Muted, Screen } from '../../ui/layout';
import { ListItem } from '../../ui/list-item';
import { colors, space } from '../../ui/theme';

/** The shop's settings for every device, this phone's own, the store's devices, and signing out. */
export default function SettingsScreen() {
  const { book, session, signOut } = useBook();
  const status = useSyncStatus(book);
  const router = useRouter();
  const [background, setBackground] = useState(false);
  const [backgroundError, setBackgroundError] = useState<string | null>(null);
  const [dialog, ask] = useConfirm();
  const { t, alignStart } = useLocale();
  useEffect(() => {
    isBackgroundSyncOn().then(setBackground);
  }, []);
  /** Signing out with changes not yet sent keeps them here, unsent until the same store signs in. */
  const leave = async () => {
    const waiting = status.pending;
    const ok =
      waiting === 0 ||
      (await ask({
        title: t('sync.unsentTitle'),
        message: t('sync.unsentMessage', { count: waiting }),
        confirmLabel: t('sync.signOutAnyway'),
        destructive: true,
      }));
    if (ok) await signOut();
  };

  return (
    <Screen>
      <StoreForm mode="settings" />
      <Card>
        <ListItem
          title={t('phone.settings.reminderTemplates')}
          onPress={() => router.push('/reminder-templates')}
          right={<Text style={styles.chevron}>›</Text>}
        />
      </Card>
      <Heading>{t('phone.settings.thisPhone')}</Heading>
      <Card>
        <LanguagePicker />
        {backgroundSyncSupported ? (
          <View style={styles.switchRow}>
            <Text style={[styles.switchLabel, alignStart]}>{t('sync.background')}</Text>
            <Switch
              accessibilityLabel={t('sync.background')}
              value={background}
              onValueChange={(on) =>
                setBackgroundSync(on).then(
                  () => setBackground(on),
                  (e: unknown) => setBackgroundError(e instanceof Error ? e.message : String(e)),
                )
              }
            />
          </View>
        ) : null}
        {backgroundError ? (
          <FormError message={t('sync.backgroundFailed', { reason: backgroundError })} />
        ) : null}
      </Card>
      <DevicesCard />
      <Card>
        <Muted>{t('sync.signedInAs', { email: session?.user.email ?? '—' })}</Muted>
        <Button variant="secondary" label={t('sync.signOut')} onPress={leave} />
        <Muted>{t('sync.bookStays')}</Muted>
      </Card>
      <Card>
        <ListItem
          title={t('phone.settings.about')}
          onPress={() => router.push('/about')}
          right={<Text style={styles.chevron}>›</Text>}
        />
      </Card>
      {dialog}
    </Screen>
  );
}

const styles = StyleSheet.create({
  switchRow: {
    flexDirection: 'row',
    justifyContent: 'space-between',
    alignItems: 'center',
    paddingTop: space.sm,
  },
  switchLabel: { fontSize: 16, color: colors.text },
  chevron: { fontSize: 22, color: colors.muted },
});
