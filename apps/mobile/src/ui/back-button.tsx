import { useRouter } from 'expo-router';
import { Pressable, StyleSheet, Text } from 'react-native';
import { useT } from '../i18n/locale';
import { goBack } from './go-back';
import { colors } from './theme';

/**
 * The header's back button in the web build, where react-navigation's icon
 * (a CSS-masked image) does not show; phones keep their native back button.
 */
export function BackButton() {
  const router = useRouter();
  const t = useT();
  return (
    <Pressable
      accessibilityRole="button"
      accessibilityLabel={t('common.back')}
      onPress={() => goBack(router)}
      style={styles.back}
    >
      <Text style={styles.text}>{t('common.backArrow')}</Text>
    </Pressable>
  );
}

const styles = StyleSheet.create({
  back: { paddingHorizontal: 12, paddingVertical: 8 },
  text: { color: colors.accent, fontSize: 17, fontWeight: '600' },
});
