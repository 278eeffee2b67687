import type { ReactNode } from 'react';
import {
  KeyboardAvoidingView,
  Platform,
  RefreshControl,
  ScrollView,
  StyleSheet,
  Text,
  View,
} from 'react-native';
import { useLocale } from '../i18n/locale';
import { colors, radius, space } from './theme';

interface ScreenProps {
  children: ReactNode;
  /** Pull-to-refresh: a sync now. */
  onRefresh?: () => void;
  refreshing?: boolean;
}

/** A scrolling page with the app's padding, optionally pull-to-refresh. */
export function Screen({ children, onRefresh, refreshing = false }: ScreenProps) {
  // The keyboard must not cover the field being typed in or the Save button under it:
  // iOS insets the scroll view itself; Android (drawn edge to edge) shrinks the screen.
  return (
    <KeyboardAvoidingView style={styles.screen} behavior={Platform.OS === 'android' ? 'height' : undefined}>
      <ScrollView
        style={styles.screen}
        contentContainerStyle={styles.content}
        keyboardShouldPersistTaps="handled"
        automaticallyAdjustKeyboardInsets
        refreshControl={
          onRefresh ? <RefreshControl refreshing={refreshing} onRefresh={onRefresh} /> : undefined
        }
      >
        {children}
      </ScrollView>
    </KeyboardAvoidingView>
  );
}

/** A white rounded panel grouping related content. */
export function Card({ children, tone }: { children: ReactNode; tone?: 'owed' | 'paid' | 'warn' }) {
  return <View style={[styles.card, tone && tones[tone]]}>{children}</View>;
}

/** A section heading inside a screen. */
export function Heading({ children }: { children: ReactNode }) {
  const { alignStart } = useLocale();
  return (
    <Text accessibilityRole="header" style={[styles.heading, alignStart]}>
      {children}
    </Text>
  );
}

/** Muted helper text. */
export function Muted({ children }: { children: ReactNode }) {
  const { alignStart } = useLocale();
  return <Text style={[styles.muted, alignStart]}>{children}</Text>;
}

/** Buttons side by side. */
export function Row({ children }: { children: ReactNode }) {
  return <View style={styles.row}>{children}</View>;
}

const tones = StyleSheet.create({
  owed: { backgroundColor: colors.owedSoft, borderColor: '#f4d3bd' },
  paid: { backgroundColor: colors.paidSoft, borderColor: '#c6e6cf' },
  warn: { backgroundColor: colors.warnSoft, borderColor: '#f0dc9c' },
});

const styles = StyleSheet.create({
  screen: { flex: 1, backgroundColor: colors.bg },
  content: { padding: space.lg, gap: space.md, paddingBottom: space.xl * 2 },
  card: {
    backgroundColor: colors.surface,
    borderRadius: radius,
    borderWidth: 1,
    borderColor: colors.border,
    padding: space.lg,
    gap: space.sm,
  },
  heading: { fontSize: 17, fontWeight: '700', color: colors.text, marginTop: space.sm },
  muted: { color: colors.muted, fontSize: 14 },
  row: { flexDirection: 'row', gap: space.sm, flexWrap: 'wrap' },
});
