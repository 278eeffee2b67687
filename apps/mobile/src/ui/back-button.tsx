import { useRouter } from 'expo-router';
import { Pressable, StyleSheet, Text } from 'react-native';
import { goBack } from './go-back';
import { colors } from './theme';

/**
 * The header's back button in the web build, where react-navigation's icon
 * (a CSS-masked image) does not show; phones keep their native back button.
 */
export function BackButton() {
  const router = useRouter();
  return (
    <Pressable
      accessibilityRole="button"
      accessibilityLabel="Back"
      onPress={() => goBack(router)}
      style={styles.back}
    >
      <Text style={styles.text}>‹ Back</Text>
    </Pressable>
  );
}

const styles = StyleSheet.create({
  back: { paddingHorizontal: 12, paddingVertical: 8 },
  text: { color: colors.accent, fontSize: 17, fontWeight: '600' },
});
