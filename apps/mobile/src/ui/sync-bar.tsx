import type { T } from '@storesync/i18n';
import type { SyncStatus } from '@storesync/sync-client';
import { useSyncStatus } from '@storesync/sync-client/react';
import { StyleSheet, Text, View } from 'react-native';
import { useBook } from '../book/book-provider';
import { useLocale } from '../i18n/locale';
import { formatWhen } from './format';
import { colors, space } from './theme';

type Tone = 'ok' | 'busy' | 'offline' | 'error';

/** The one line that says where the book stands against the server. */
export function describeSync(
  status: SyncStatus,
  t: T,
  now = new Date(),
  locale?: string,
): { text: string; tone: Tone } {
  const count = status.pending;
  if (status.catchUp) {
    const { done, total } = status.catchUp;
    const text = total
      ? t('sync.status.gettingBookShare', { share: Math.floor((100 * done) / total) / 100 })
      : t('sync.status.gettingBook');
    return { text, tone: 'busy' };
  }
  if (status.state === 'syncing') return { text: t('sync.status.syncing', { count }), tone: 'busy' };
  if (status.state === 'offline') return { text: t('sync.status.offline', { count }), tone: 'offline' };
  if (status.state === 'error') {
    const signedOut = status.lastError?.startsWith('UNAUTHORIZED');
    return {
      text: signedOut ? t('sync.status.signedOut') : t('sync.status.failing', { count }),
      tone: 'error',
    };
  }
  if (count > 0) return { text: t('sync.status.waiting', { count }), tone: 'busy' };
  // Live: the other phones' changes arrive as they are made, so no time to show.
  if (status.live && status.lastSyncAt) return { text: t('sync.status.live'), tone: 'ok' };
  if (status.lastSyncAt)
    return {
      text: t('sync.status.synced', { when: formatWhen(status.lastSyncAt, now, locale) }),
      tone: 'ok',
    };
  return { text: t('sync.status.notYet'), tone: 'busy' };
}

/** Always on screen: offline / syncing / up to date, what waits, and rejected changes. */
export function SyncBar() {
  const { book } = useBook();
  const status = useSyncStatus(book);
  const { t, tag, alignStart } = useLocale();
  const { text, tone } = describeSync(status, t, new Date(), tag);
  // Not a button: leaving a half-typed form for the Sync tab would lose it.
  return (
    <View
      accessibilityRole="summary"
      accessibilityLabel={t('sync.status.label', { text })}
      style={[styles.bar, styles[tone]]}
    >
      <View style={[styles.dot, dots[tone]]} />
      <Text testID="sync-status" style={[styles.text, alignStart]} numberOfLines={1}>
        {text}
      </Text>
      {status.failed > 0 ? (
        <Text testID="sync-rejected" style={styles.rejected}>
          {t('sync.status.rejected', { count: status.failed })}
        </Text>
      ) : null}
    </View>
  );
}

const dots = StyleSheet.create({
  ok: { backgroundColor: colors.paid },
  busy: { backgroundColor: colors.accent },
  offline: { backgroundColor: colors.muted },
  error: { backgroundColor: colors.danger },
});

const styles = StyleSheet.create({
  bar: {
    flexDirection: 'row',
    alignItems: 'center',
    gap: space.sm,
    paddingHorizontal: space.lg,
    paddingVertical: space.sm,
    borderBottomWidth: 1,
    borderBottomColor: colors.border,
  },
  ok: { backgroundColor: colors.paidSoft },
  busy: { backgroundColor: colors.accentSoft },
  offline: { backgroundColor: '#eeece6' },
  error: { backgroundColor: colors.dangerSoft },
  dot: { width: 8, height: 8, borderRadius: 4 },
  text: { flex: 1, fontSize: 14, color: colors.text, fontWeight: '500' },
  rejected: { fontSize: 13, color: colors.danger, fontWeight: '700' },
});
