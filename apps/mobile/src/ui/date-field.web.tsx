import { useId } from 'react';
import { StyleSheet, Text, View } from 'react-native';
import { useLocale } from '../i18n/locale';
import { Button } from './button';
import { formatDay } from './date-field-day';
import type { DateFieldProps } from './date-field-props';
import { colors, radius, space } from './theme';

/**
 * On the web the browser's own `<input type="date">` (react-native-web renders the DOM, so a DOM
 * element sits in the tree as is): its calendar, keyboard entry and screen-reader support come
 * free, and its value is already `YYYY-MM-DD`. The browser shows the day in its own locale, so
 * the app's reading of it sits under it.
 */
export function DateField({ label, value, onChange, error, required }: DateFieldProps) {
  const { t, tag, alignStart } = useLocale();
  const id = useId();
  return (
    <View style={styles.field}>
      <Text nativeID={`${id}-label`} style={[styles.label, alignStart]}>
        {label}
      </Text>
      <input
        type="date"
        aria-labelledby={`${id}-label`}
        aria-invalid={error ? true : undefined}
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
        style={{ ...input, ...(error ? { borderColor: colors.danger } : null) }}
      />
      <Text testID="date-field-shown" style={[styles.shown, alignStart]}>
        {value
          ? required
            ? formatDay(value, tag)
            : t('phone.dates.due', { date: formatDay(value, tag) })
          : t('phone.dates.none')}
      </Text>
      {value && !required ? (
        <Button compact variant="quiet" label={t('phone.dates.clear')} onPress={() => onChange('')} />
      ) : null}
      {error ? (
        <Text accessibilityRole="alert" style={[styles.error, alignStart]}>
          {error}
        </Text>
      ) : null}
    </View>
  );
}

/** A DOM style (not a StyleSheet): the same box as the app's text fields. */
const input = {
  minHeight: 48,
  boxSizing: 'border-box',
  border: `1px solid ${colors.border}`,
  borderRadius: radius,
  backgroundColor: colors.surface,
  padding: `0 ${space.md}px`,
  fontSize: 17,
  color: colors.text,
  fontFamily: 'inherit',
} as const;

const styles = StyleSheet.create({
  field: { gap: space.xs, marginBottom: space.md },
  label: { fontSize: 14, fontWeight: '600', color: colors.text },
  shown: { color: colors.muted, fontSize: 14 },
  error: { color: colors.danger, fontSize: 14 },
});
