import { ActivityIndicator, StyleSheet, Text, View } from 'react-native';
import { useT } from '../i18n/locale';
import { Button } from './button';
import { colors, space } from './theme';

/** While the book opens; or why it could not. */
export function Splash({ error, onRetry }: { error?: unknown; onRetry?: (() => void) | undefined }) {
  const t = useT();
  return (
    <View style={styles.splash}>
      <Text style={styles.brand}>StoreSync</Text>
      {error ? (
        <Text accessibilityRole="alert" style={styles.error}>
          {t('app.bookFailed', { reason: error instanceof Error ? error.message : String(error) })}
        </Text>
      ) : (
        <ActivityIndicator color={colors.accent} />
      )}
      {error && onRetry ? (
        <Button label={t('common.tryAgain')} variant="secondary" onPress={onRetry} />
      ) : null}
    </View>
  );
}

const styles = StyleSheet.create({
  splash: {
    flex: 1,
    alignItems: 'center',
    justifyContent: 'center',
    gap: space.lg,
    backgroundColor: colors.bg,
    padding: space.xl,
  },
  brand: { fontSize: 28, fontWeight: '800', color: colors.accent },
  error: { color: colors.danger, fontSize: 16, textAlign: 'center' },
});
