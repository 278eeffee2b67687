import DateTimePicker from '@react-native-community/datetimepicker';
import { useState } from 'react';
import { Platform, Pressable, StyleSheet, Text, View } from 'react-native';
import { useLocale } from '../i18n/locale';
import { Button } from './button';
import { dateToDay, dayToDate, formatDay } from './date-field-day';
import type { DateFieldProps } from './date-field-props';
import { colors, radius, space } from './theme';

/**
 * A day picked with the phone's own calendar (Android's dialog, iOS's inline calendar), shown in
 * the app's locale, with a way back to no date. The web has its own (date-field.web.tsx).
 */
export function DateField({ label, value, onChange, error, required }: DateFieldProps) {
  const { t, tag, alignStart } = useLocale();
  const [open, setOpen] = useState(false);
  const shown = value ? formatDay(value, tag) : t('phone.dates.none');

  // Android's dialog closes itself either way; iOS's inline calendar closes once a day is picked.
  const picked = (_: unknown, date: Date) => {
    setOpen(false);
    onChange(dateToDay(date));
  };

  return (
    <View style={styles.field}>
      <Text style={[styles.label, alignStart]}>{label}</Text>
      <Pressable
        accessibilityRole="button"
        accessibilityLabel={label}
        accessibilityValue={{ text: shown }}
        accessibilityHint={t('phone.dates.pick')}
        onPress={() => setOpen(true)}
        style={[styles.input, error ? styles.invalid : null]}
      >
        <Text style={[styles.value, !value && styles.empty, alignStart]}>{shown}</Text>
      </Pressable>
      {open ? (
        <DateTimePicker
          testID="date-field-picker"
          mode="date"
          display={Platform.OS === 'ios' ? 'inline' : 'default'}
          value={dayToDate(value) ?? new Date()}
          onValueChange={picked}
          onDismiss={() => setOpen(false)}
        />
      ) : null}
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

const styles = StyleSheet.create({
  field: { gap: space.xs, marginBottom: space.md },
  label: { fontSize: 14, fontWeight: '600', color: colors.text },
  input: {
    minHeight: 48,
    justifyContent: 'center',
    borderWidth: 1,
    borderColor: colors.border,
    borderRadius: radius,
    backgroundColor: colors.surface,
    paddingHorizontal: space.md,
  },
  value: { fontSize: 17, color: colors.text },
  empty: { color: colors.muted },
  invalid: { borderColor: colors.danger },
  error: { color: colors.danger, fontSize: 14 },
});
