import { Stack } from 'expo-router';
import { StatusBar } from 'expo-status-bar';
import { StyleSheet, View } from 'react-native';
import { SafeAreaProvider, SafeAreaView } from 'react-native-safe-area-context';
import { BookProvider, useBook } from '../book/book-provider';
import { CurrencyProvider } from '../book/currency';
import '../book/background';
import { Splash } from '../ui/splash';
import { SyncBar } from '../ui/sync-bar';
import { colors } from '../ui/theme';

/** The app: the book opened once, the sync line on every screen, and the screens behind sign-in. */
export default function RootLayout() {
  return (
    <SafeAreaProvider>
      <StatusBar style="dark" />
      <CurrencyProvider>
        <BookProvider fallback={(error) => <Splash error={error} />}>
          <Shell />
        </BookProvider>
      </CurrencyProvider>
    </SafeAreaProvider>
  );
}

function Shell() {
  const { session } = useBook();
  return (
    <SafeAreaView edges={['top']} style={styles.shell}>
      {session ? <SyncBar /> : null}
      <View style={styles.body}>
        <Stack
          screenOptions={{
            headerStyle: { backgroundColor: colors.surface },
            headerTintColor: colors.accent,
            headerTitleStyle: { color: colors.text },
            contentStyle: { backgroundColor: colors.bg },
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
          </Stack.Protected>
          <Stack.Protected guard={session === null}>
            <Stack.Screen name="sign-in" options={{ headerShown: false }} />
          </Stack.Protected>
        </Stack>
      </View>
    </SafeAreaView>
  );
}

const styles = StyleSheet.create({
  shell: { flex: 1, backgroundColor: colors.surface },
  body: { flex: 1 },
});
