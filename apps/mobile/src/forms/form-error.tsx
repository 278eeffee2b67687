import { StyleSheet, Text } from 'react-native';
import { useLocale } from '../i18n/locale';
import { colors } from '../ui/theme';

/** The form's general error (one that belongs to no field). */
export function FormError({ message }: { message: string | undefined }) {
  const { alignStart } = useLocale();
  if (!message) return null;
  return (
    <Text accessibilityRole="alert" style={[styles.error, alignStart]}>
      {message}
    </Text>
  );
}

const styles = StyleSheet.create({ error: { color: colors.danger, fontSize: 15 } });
