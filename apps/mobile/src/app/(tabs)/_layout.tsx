import { Tabs } from 'expo-router';
import { type ColorValue, Platform, Text } from 'react-native';
import { useT } from '../../i18n/locale';
import { colors } from '../../ui/theme';

const icon =
  (glyph: string) =>
  ({ color }: { color: ColorValue }) => <Text style={{ color, fontSize: 16, lineHeight: 20 }}>{glyph}</Text>;

/** The places a shop owner goes every day, and the shop's settings. */
export default function TabsLayout() {
  const t = useT();
  return (
    <Tabs
      screenOptions={{
        tabBarActiveTintColor: colors.accent,
        tabBarInactiveTintColor: colors.muted,
        headerStyle: { backgroundColor: colors.surface },
        headerTitleStyle: { color: colors.text },
        sceneStyle: { backgroundColor: colors.bg },
        tabBarLabelStyle: { fontSize: 12, fontWeight: '600' },
        // The browser's font metrics need more than the native 49 points; phones keep their own.
        ...(Platform.OS === 'web' && { tabBarStyle: { height: 58 } }),
      }}
    >
      <Tabs.Screen name="index" options={{ title: t('tabs.today'), tabBarIcon: icon('◷') }} />
      <Tabs.Screen name="customers" options={{ title: t('tabs.customers'), tabBarIcon: icon('☰') }} />
      <Tabs.Screen name="sales" options={{ title: t('phone.sales.tab'), tabBarIcon: icon('¤') }} />
      <Tabs.Screen name="sync" options={{ title: t('tabs.sync'), tabBarIcon: icon('⇅') }} />
      <Tabs.Screen name="settings" options={{ title: t('phone.settings.title'), tabBarIcon: icon('⚙') }} />
    </Tabs>
  );
}
