import { useCallback, useEffect, useState } from 'react';
import { StyleSheet, Text, View } from 'react-native';
import { useBook } from '../book/book-provider';
import { listDevices, revokeDevice, type StoreDevice } from '../book/devices-api';
import { useLocale } from '../i18n/locale';
import { Button } from './button';
import { useConfirm } from './confirm';
import { formatWhen } from './format';
import { Card, Muted } from './layout';
import { colors, space } from './theme';

/** What the list calls a device: this phone, a phone by its name, a browser by its products. */
function deviceLabel(t: ReturnType<typeof useLocale>['t'], d: StoreDevice): string {
  if (d.current) return t('phone.settings.thisDevice');
  if (!d.browser) return d.deviceName ?? d.deviceId;
  return d.deviceName ? d.deviceName.replace(' · ', ' – ') : t('phone.settings.aBrowser');
}

/** The store's signed-in phones and browsers (`auth.devices`), each but this one signed out from here. */
export function DevicesCard() {
  const { session } = useBook();
  const { t, tag, alignStart } = useLocale();
  const [devices, setDevices] = useState<StoreDevice[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [dialog, ask] = useConfirm();
  const token = session?.token;
  const load = useCallback(async () => {
    if (!token) return;
    try {
      setDevices(await listDevices(token));
      setFailure(null);
    } catch (e) {
      setFailure(e instanceof Error ? e.message : String(e));
    }
  }, [token]);
  useEffect(() => {
    void load();
  }, [load]);

  const signOut = async (d: StoreDevice) => {
    const device = deviceLabel(t, d);
    const ok = await ask({
      title: t('phone.settings.signOutDeviceTitle'),
      message: t('phone.settings.signOutDeviceMessage', { device }),
      confirmLabel: t('phone.settings.signOutDevice'),
      destructive: true,
    });
    if (!ok || !token) return;
    try {
      await revokeDevice(token, d.deviceId);
      await load();
    } catch (e) {
      setFailure(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <Card>
      <Text style={[styles.title, alignStart]}>{t('phone.settings.devices')}</Text>
      <Muted>{t('phone.settings.devicesHelp')}</Muted>
      {failure ? <Muted>{t('phone.settings.devicesFailed', { reason: failure })}</Muted> : null}
      {devices === null && !failure ? <Muted>{t('phone.settings.devicesOffline')}</Muted> : null}
      {devices?.length === 0 ? <Muted>{t('phone.settings.noDevices')}</Muted> : null}
      {devices?.map((d) => (
        <View key={d.deviceId} style={styles.row} testID="store-device">
          <View style={styles.text}>
            <Text style={[styles.name, alignStart]}>{deviceLabel(t, d)}</Text>
            <Text style={[styles.seen, alignStart]}>
              {d.lastSeenAt
                ? t('phone.settings.lastSeen', { when: formatWhen(d.lastSeenAt, new Date(), tag) })
                : t('phone.settings.notSeen')}
            </Text>
          </View>
          {d.current ? null : (
            <Button
              compact
              variant="secondary"
              label={t('phone.settings.signOutDevice')}
              accessibilityLabel={t('phone.settings.signOutDeviceLabel', { device: deviceLabel(t, d) })}
              onPress={() => void signOut(d)}
            />
          )}
        </View>
      ))}
      {dialog}
    </Card>
  );
}

const styles = StyleSheet.create({
  title: { fontSize: 16, fontWeight: '700', color: colors.text },
  row: {
    flexDirection: 'row',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: space.sm,
    paddingVertical: space.sm,
    borderTopWidth: StyleSheet.hairlineWidth,
    borderTopColor: colors.border,
  },
  text: { flex: 1 },
  name: { fontSize: 16, color: colors.text, fontWeight: '600' },
  seen: { fontSize: 13, color: colors.muted },
});
