import type { SyncStatus } from '@storesync/sync-client';
import { useSyncStatus } from '@storesync/sync-client/react';
import { StyleSheet, Text, View } from 'react-native';
import { useBook } from '../book/book-provider';
import { formatWhen, plural } from './format';
import { colors, space } from './theme';

type Tone = 'ok' | 'busy' | 'offline' | 'error';

/** The one line that says where the book stands against the server. */
export function describeSync(status: SyncStatus, now = new Date()): { text: string; tone: Tone } {
  const waiting = status.pending > 0 ? `${plural(status.pending, 'change')} waiting` : null;
  if (status.catchUp) {
    const { done, total } = status.catchUp;
    const share = total ? ` · ${Math.floor((100 * done) / total)}%` : '';
    return { text: `Getting your book${share}`, tone: 'busy' };
  }
  if (status.state === 'syncing')
    return { text: waiting ? `Syncing · ${waiting}` : 'Syncing…', tone: 'busy' };
  if (status.state === 'offline')
    return { text: `Offline · ${waiting ?? 'everything is saved on this phone'}`, tone: 'offline' };
  if (status.state === 'error') {
    const signedOut = status.lastError?.startsWith('UNAUTHORIZED');
    return {
      text: signedOut
        ? 'Signed out by the server · sign in again to sync'
        : `Can't sync now · ${waiting ?? 'will retry'}`,
      tone: 'error',
    };
  }
  if (waiting) return { text: waiting, tone: 'busy' };
  // Live: the other phones' changes arrive as they are made, so no time to show.
  if (status.live && status.lastSyncAt) return { text: 'Up to date · live', tone: 'ok' };
  if (status.lastSyncAt)
    return { text: `Up to date · synced ${formatWhen(status.lastSyncAt, now)}`, tone: 'ok' };
  return { text: 'Not synced yet', tone: 'busy' };
}

/** Always on screen: offline / syncing / up to date, what waits, and rejected changes. */
export function SyncBar() {
  const { book } = useBook();
  const status = useSyncStatus(book);
  const { text, tone } = describeSync(status);
  // Not a button: leaving a half-typed form for the Sync tab would lose it.
  return (
    <View
      accessibilityRole="summary"
      accessibilityLabel={`Sync status: ${text}`}
      style={[styles.bar, styles[tone]]}
    >
      <View style={[styles.dot, dots[tone]]} />
      <Text testID="sync-status" style={styles.text} numberOfLines={1}>
        {text}
      </Text>
      {status.failed > 0 ? (
        <Text testID="sync-rejected" style={styles.rejected}>
          {plural(status.failed, 'rejected change')}
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
