import { graphemeLength } from '@storesync/schema';
import { StyleSheet, Text, TextInput, type TextInputProps, View } from 'react-native';
import { useLocale } from '../i18n/locale';
import { colors, radius, space } from './theme';

interface TextFieldProps extends Omit<TextInputProps, 'onChange' | 'style'> {
  label: string;
  value: string;
  onChangeText: (text: string) => void;
  /** Shown under the field in red; the field is marked invalid. */
  error?: string | null | undefined;
  /** Shown under the field when there is no error (e.g. "= $12.35"). */
  hint?: string | null | undefined;
  /**
   * The most characters the field takes, counted as people see them (`graphemeLength`, the
   * schema's rule). Never cut while typing: the characters left show near the end, and what
   * goes over is said, so an emoji is never split and nothing typed silently disappears.
   */
  maxLength?: number;
  /** Kept for callers from before: the count shows near the limit on every field that has one. */
  countDown?: boolean;
}

/** A labelled input with its error or hint right under it, where the owner is looking. */
export function TextField({ label, error, hint, value, countDown: _, maxLength, ...input }: TextFieldProps) {
  const left = maxLength !== undefined ? maxLength - graphemeLength(value) : null;
  const showCount = left !== null && left >= 0 && left <= Math.max(20, (maxLength ?? 0) / 10);
  const { t, alignStart } = useLocale();
  // Over the limit, the count says by how much: more precise than the schema's refusal on save.
  if (left !== null && left < 0) error = t('phone.limits.tooLong', { count: -left, max: maxLength ?? 0 });
  return (
    <View style={styles.field}>
      <Text style={[styles.label, alignStart]}>{label}</Text>
      <TextInput
        accessibilityLabel={label}
        placeholderTextColor="#a19f96"
        value={value}
        style={[
          styles.input,
          alignStart,
          error ? styles.invalid : null,
          input.multiline ? styles.multiline : null,
        ]}
        {...input}
      />
      {error ? (
        <Text accessibilityRole="alert" style={[styles.error, alignStart]}>
          {error}
        </Text>
      ) : hint ? (
        <Text style={[styles.hint, alignStart]}>{hint}</Text>
      ) : null}
      {showCount ? (
        <Text style={[styles.hint, alignStart]}>{t('common.charactersLeft', { count: left ?? 0 })}</Text>
      ) : null}
    </View>
  );
}

const styles = StyleSheet.create({
  field: { gap: space.xs, marginBottom: space.md },
  label: { fontSize: 14, fontWeight: '600', color: colors.text },
  input: {
    minHeight: 48,
    borderWidth: 1,
    borderColor: colors.border,
    borderRadius: radius,
    backgroundColor: colors.surface,
    paddingHorizontal: space.md,
    fontSize: 17,
    color: colors.text,
  },
  multiline: { minHeight: 80, paddingTop: space.md, textAlignVertical: 'top' },
  invalid: { borderColor: colors.danger },
  error: { color: colors.danger, fontSize: 14 },
  hint: { color: colors.muted, fontSize: 14 },
});
