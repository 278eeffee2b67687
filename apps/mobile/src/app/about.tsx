import Constants from 'expo-constants';
import { StyleSheet, Text } from 'react-native';
import { SERVER_URL } from '../config';
import { useLocale } from '../i18n/locale';
import { Card, Muted, Screen } from '../ui/layout';
import { colors } from '../ui/theme';

/** What the app is, its version, and the one place the server's address shows. */
export default function AboutScreen() {
  const { t, alignStart } = useLocale();
  return (
    <Screen>
      <Card>
        <Text style={[styles.brand, alignStart]}>StoreSync</Text>
        <Muted>{t('phone.about.what')}</Muted>
      </Card>
      <Card>
        <Text style={[styles.label, alignStart]}>{t('phone.about.version')}</Text>
        <Text style={[styles.value, alignStart]}>{Constants.expoConfig?.version ?? '—'}</Text>
        <Text style={[styles.label, alignStart]}>{t('phone.about.server')}</Text>
        <Text selectable testID="about-server" style={[styles.value, alignStart]}>
          {SERVER_URL}
        </Text>
      </Card>
    </Screen>
  );
}

const styles = StyleSheet.create({
  brand: { fontSize: 20, fontWeight: '700', color: colors.text },
  label: { fontSize: 14, fontWeight: '600', color: colors.muted },
  value: { fontSize: 16, color: colors.text, marginBottom: 8 },
});
