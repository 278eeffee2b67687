import { type ErrorBoundaryProps, Stack } from 'expo-router';
import { StatusBar } from 'expo-status-bar';
import { Platform, StyleSheet, Text, View } from 'react-native';
import {
  SafeAreaInsetsContext,
  SafeAreaProvider,
  SafeAreaView,
  useSafeAreaInsets,
} from 'react-native-safe-area-context';
import { BookProvider, useBook } from '../book/book-provider';
import { CurrencyProvider } from '../book/currency';
import { LocaleProvider, useT } from '../i18n/locale';
import '../pwa/register';
import { ShopSetupGate } from '../setup/shop-setup';
import { BackButton } from '../ui/back-button';
import { Button } from '../ui/button';
import { Splash } from '../ui/splash';
import { SyncBar } from '../ui/sync-bar';
import { colors } from '../ui/theme';

/** The app: the book opened once, the sync line on every screen, and the screens behind sign-in. */
export default function RootLayout() {
  return (
    <SafeAreaProvider>
      <StatusBar style="dark" />
      <LocaleProvider>
        <BookProvider fallback={(error, retry) => <Splash error={error} onRetry={retry} />}>
          <CurrencyProvider>
            <Shell />
          </CurrencyProvider>
        </BookProvider>
      </LocaleProvider>
    </SafeAreaProvider>
  );
}

/** What shows instead of a screen that failed to render (say, the local database failed a read). */
export function ErrorBoundary(props: ErrorBoundaryProps) {
  // In place of the layout, so outside its providers: the language is read again.
  return (
    <LocaleProvider>
      <Failed {...props} />
    </LocaleProvider>
  );
}

function Failed({ error, retry }: ErrorBoundaryProps) {
  const t = useT();
  return (
    <View style={styles.failed}>
      <Text style={styles.failedTitle}>{t('app.screenFailed')}</Text>
      <Text style={styles.failedText}>{error.message}</Text>
      <Button label={t('common.tryAgain')} onPress={retry} />
    </View>
  );
}

function Shell() {
  const { session } = useBook();
  const insets = useSafeAreaInsets();
  const t = useT();
  return (
    <SafeAreaView edges={['top']} style={styles.shell}>
      {session ? <SyncBar /> : null}
      {/* The top inset is taken above the sync line: headers below must not add it again. */}
      <SafeAreaInsetsContext.Provider value={{ ...insets, top: 0 }}>
        <View style={styles.body}>
          <Stack
            screenOptions={{
              headerStyle: { backgroundColor: colors.surface },
              headerTintColor: colors.accent,
              headerTitleStyle: { color: colors.text },
              contentStyle: { backgroundColor: colors.bg },
              ...(Platform.OS === 'web' && { headerLeft: () => <BackButton /> }),
            }}
          >
            <Stack.Protected guard={session !== null}>
              <Stack.Screen name="(tabs)" options={{ headerShown: false }} />
              <Stack.Screen name="customers/new" options={{ title: t('titles.newCustomer') }} />
              <Stack.Screen name="customers/[id]/index" options={{ title: t('titles.customer') }} />
              <Stack.Screen name="customers/[id]/edit" options={{ title: t('titles.editCustomer') }} />
              <Stack.Screen name="debts/new" options={{ title: t('titles.newDebt') }} />
              <Stack.Screen name="debts/[id]" options={{ title: t('titles.editDebt') }} />
              <Stack.Screen name="payments/new" options={{ title: t('titles.newPayment') }} />
              <Stack.Screen name="payments/[id]" options={{ title: t('titles.editPayment') }} />
              <Stack.Screen name="sales/new" options={{ title: t('titles.newSale') }} />
              <Stack.Screen name="sales/[id]" options={{ title: t('titles.editSale') }} />
              <Stack.Screen name="sales/view/[id]" options={{ title: t('phone.sale.title') }} />
              <Stack.Screen name="overdue" options={{ title: t('titles.overdue') }} />
              <Stack.Screen name="deleted" options={{ title: t('titles.deleted') }} />
              <Stack.Screen name="about" options={{ title: t('phone.about.title') }} />
            </Stack.Protected>
            <Stack.Protected guard={session === null}>
              <Stack.Screen name="sign-in" options={{ headerShown: false }} />
            </Stack.Protected>
          </Stack>
          {session ? <ShopSetupGate /> : null}
        </View>
      </SafeAreaInsetsContext.Provider>
    </SafeAreaView>
  );
}

const styles = StyleSheet.create({
  shell: { flex: 1, backgroundColor: colors.surface },
  body: { flex: 1 },
  failed: { flex: 1, justifyContent: 'center', padding: 24, gap: 12, backgroundColor: colors.bg },
  failedTitle: { fontSize: 18, fontWeight: '700', color: colors.text },
  failedText: { fontSize: 15, color: colors.muted },
});
