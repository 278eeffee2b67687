import { useRouter } from 'expo-router';
import { Pressable, StyleSheet, Text } from 'react-native';
import { useLocale } from '../i18n/locale';
import { goBack } from './go-back';
import { colors } from './theme';

/**
 * The header's back button in the web build, where react-navigation's icon
 * (a CSS-masked image) does not show; phones keep their native back button.
 */
export function BackButton() {
  const router = useRouter();
  const { t, dir } = useLocale();
  return (
    <Pressable
      accessibilityRole="button"
      accessibilityLabel={t('common.back')}
      onPress={() => goBack(router)}
      style={styles.back}
    >
      {/* The arrow points the way back: left in English, right in Urdu. */}
      <Text style={styles.text}>{`${dir === 'rtl' ? '›' : '‹'} ${t('common.back')}`}</Text>
    </Pressable>
  );
}

const styles = StyleSheet.create({
  back: { paddingHorizontal: 12, paddingVertical: 8 },
  text: { color: colors.accent, fontSize: 17, fontWeight: '600' },
});
