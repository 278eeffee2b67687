import { StyleSheet, Text } from 'react-native';
import { colors } from '../ui/theme';

/** The form's general error (one that belongs to no field). */
export function FormError({ message }: { message: string | undefined }) {
  if (!message) return null;
  return (
    <Text accessibilityRole="alert" style={styles.error}>
      {message}
    </Text>
  );
}

const styles = StyleSheet.create({ error: { color: colors.danger, fontSize: 15 } });
