import type { ReactNode } from 'react';
import { Pressable, StyleSheet, Text, View } from 'react-native';
import { useLocale } from '../i18n/locale';
import { colors, space } from './theme';

interface ListItemProps {
  title: string;
  subtitle?: string | null | undefined;
  right?: ReactNode;
  onPress?: () => void;
  accessibilityLabel?: string;
  /** Lines the title may take before it is cut (a name: one). */
  titleLines?: number;
}

/**
 * One tappable line of a list: a title, a muted subtitle, something at the end. The texts line up
 * with the list's start whatever their own direction: a name in Arabic script in an English list
 * starts where the other names start, not against the balance.
 */
export function ListItem({
  title,
  subtitle,
  right,
  onPress,
  accessibilityLabel,
  titleLines = 1,
}: ListItemProps) {
  const { alignStart } = useLocale();
  return (
    <Pressable
      accessibilityRole={onPress ? 'button' : undefined}
      accessibilityLabel={accessibilityLabel ?? title}
      onPress={onPress}
      style={({ pressed }) => [styles.item, pressed && onPress ? styles.pressed : null]}
    >
      <View style={styles.text}>
        <Text style={[styles.title, alignStart]} numberOfLines={titleLines}>
          {title}
        </Text>
        {subtitle ? (
          <Text style={[styles.subtitle, alignStart]} numberOfLines={2}>
            {subtitle}
          </Text>
        ) : null}
      </View>
      {right}
    </Pressable>
  );
}

const styles = StyleSheet.create({
  item: {
    flexDirection: 'row',
    alignItems: 'center',
    gap: space.md,
    paddingVertical: space.md,
    paddingHorizontal: space.lg,
    backgroundColor: colors.surface,
    borderBottomWidth: 1,
    borderBottomColor: colors.border,
    minHeight: 56,
  },
  pressed: { backgroundColor: '#f0eee8' },
  text: { flex: 1, gap: 2 },
  title: { fontSize: 16, fontWeight: '600', color: colors.text },
  subtitle: { fontSize: 14, color: colors.muted },
});
