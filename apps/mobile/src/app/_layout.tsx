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
      <BookProvider fallback={(error, retry) => <Splash error={error} onRetry={retry} />}>
        <CurrencyProvider>
          <Shell />
        </CurrencyProvider>
      </BookProvider>
    </SafeAreaProvider>
  );
}

/** What shows instead of a screen that failed to render (say, the local database failed a read). */
export function ErrorBoundary({ error, retry }: ErrorBoundaryProps) {
  return (
    <View style={styles.failed}>
      <Text style={styles.failedTitle}>Something went wrong on this screen.</Text>
      <Text style={styles.failedText}>{error.message}</Text>
      <Button label="Try again" onPress={retry} />
    </View>
  );
}

function Shell() {
  const { session } = useBook();
  const insets = useSafeAreaInsets();
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
              <Stack.Screen name="customers/new" options={{ title: 'New customer' }} />
              <Stack.Screen name="customers/[id]/index" options={{ title: 'Customer' }} />
              <Stack.Screen name="customers/[id]/edit" options={{ title: 'Edit customer' }} />
              <Stack.Screen name="debts/new" options={{ title: 'Record a debt' }} />
              <Stack.Screen name="debts/[id]" options={{ title: 'Edit debt' }} />
              <Stack.Screen name="payments/new" options={{ title: 'Record a repayment' }} />
              <Stack.Screen name="payments/[id]" options={{ title: 'Edit repayment' }} />
              <Stack.Screen name="sales/new" options={{ title: 'New sale' }} />
              <Stack.Screen name="sales/[id]" options={{ title: 'Edit sale' }} />
              <Stack.Screen name="overdue" options={{ title: 'Overdue' }} />
              <Stack.Screen name="deleted" options={{ title: 'Recently deleted' }} />
            </Stack.Protected>
            <Stack.Protected guard={session === null}>
              <Stack.Screen name="sign-in" options={{ headerShown: false }} />
            </Stack.Protected>
          </Stack>
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
