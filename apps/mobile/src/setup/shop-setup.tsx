import { useSettings, useSyncStatus } from '@storesync/sync-client/react';
import { useEffect } from 'react';
import { ScrollView, StyleSheet, Text, View } from 'react-native';
import { useBook } from '../book/book-provider';
import { StoreForm } from '../forms/store-form';
import { useLocale } from '../i18n/locale';
import { Muted } from '../ui/layout';
import { colors, space } from '../ui/theme';

/** Whether the store still lacks its name or currency: set on no device yet. */
export const needsSetup = (settings: { shopName: string | null; currency: string | null } | null) =>
  !settings?.shopName || !settings.currency;

/**
 * The first run: after the first sign-in, once the book has synced and the store has no name or
 * currency on any device, four questions (suggested from the phone's region) over every screen.
 * A second phone of a set-up store pulls the settings first and never sees it.
 */
export function ShopSetupGate() {
  const { book } = useBook();
  const settings = useSettings(book);
  const status = useSyncStatus(book);
  const { setStoreLanguage } = useLocale();
  // The store's language is the app's where this phone chose none.
  const language = settings?.language ?? null;
  useEffect(() => setStoreLanguage(language), [language, setStoreLanguage]);
  const ready = settings !== undefined && status.lastSyncAt !== null && status.catchUp === null;
  if (!ready) return null;
  // The marker tells end-to-end tests, in any language, that this phone has decided.
  if (!needsSetup(settings)) return <View testID="setup-checked" style={styles.marker} />;
  return <ShopSetup />;
}

function ShopSetup() {
  const { t, alignStart } = useLocale();
  return (
    <ScrollView style={styles.overlay} contentContainerStyle={styles.content} testID="shop-setup">
      <Text accessibilityRole="header" style={[styles.title, alignStart]}>
        {t('phone.setup.title')}
      </Text>
      <Muted>{t('phone.setup.intro')}</Muted>
      <StoreForm mode="setup" />
    </ScrollView>
  );
}

const styles = StyleSheet.create({
  overlay: { position: 'absolute', top: 0, left: 0, right: 0, bottom: 0, backgroundColor: colors.bg },
  content: { padding: space.md, gap: space.md },
  marker: { position: 'absolute', width: 1, height: 1, pointerEvents: 'none' },
  title: { fontSize: 24, fontWeight: '700', color: colors.text },
});
