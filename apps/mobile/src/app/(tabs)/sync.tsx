import type { FailedChange, SyncClient } from '@storesync/sync-client';
import { useFailedChanges, useSyncStatus } from '@storesync/sync-client/react';
import { useRouter } from 'expo-router';
import { StyleSheet, Text, View } from 'react-native';
import { useBook } from '../../book/book-provider';
import { useRefresh } from '../../book/use-refresh';
import { useLocale } from '../../i18n/locale';
import { Button } from '../../ui/button';
import { FailedChangeCard, fixRoute } from '../../ui/failed-change';
import { formatWhen } from '../../ui/format';
import { Card, Heading, Muted, Screen } from '../../ui/layout';
import { ListItem } from '../../ui/list-item';
import { describeSync } from '../../ui/sync-bar';
import { colors, space } from '../../ui/theme';

/** Whether the book holds the refused change's row, live: then the fix edits it, else it makes it anew. */
async function holdsRow(book: SyncClient, c: FailedChange): Promise<boolean> {
  const entity = ROW_ENTITIES.find((e) => e === c.entity);
  return entity ? (await book[entity].get(c.entityId)) !== null : false;
}
const ROW_ENTITIES = ['customers', 'debts', 'payments', 'sales'] as const;

/** Sync in detail: state, what waits, rejected changes to fix or discard; the settings a tap away. */
export default function SyncScreen() {
  const { book, signOut } = useBook();
  const status = useSyncStatus(book);
  const failed = useFailedChanges(book);
  const refresh = useRefresh();
  const router = useRouter();
  const { t, tag, alignStart } = useLocale();
  return (
    <Screen {...refresh}>
      <Card>
        <Text style={[styles.state, alignStart]}>{describeSync(status, t, new Date(), tag).text}</Text>
        <Muted>{t('sync.waitingToSend', { count: status.pending })}</Muted>
        <Muted>
          {status.lastSyncAt
            ? t('sync.lastSynced', { when: formatWhen(status.lastSyncAt, new Date(), tag) })
            : t('sync.neverSynced')}
        </Muted>
        {status.lastError && status.state === 'error' ? (
          <Muted>{t('sync.lastProblem', { problem: status.lastError })}</Muted>
        ) : null}
        {status.state === 'error' && status.lastError?.startsWith('UNAUTHORIZED') ? (
          // The session expired or was signed out from the dashboard: the book stays, unsent changes too.
          <Button label={t('sync.signInAgain')} onPress={signOut} />
        ) : null}
        <Button label={t('sync.syncNow')} onPress={refresh.onRefresh} busy={refresh.refreshing} />
      </Card>

      <Heading>{t('sync.rejectedHeading', { count: failed?.length ?? 0 })}</Heading>
      {!failed || failed.length === 0 ? (
        <Muted>{t('sync.noneRejected')}</Muted>
      ) : (
        <View style={styles.failed}>
          <Muted>{t('sync.rejectedHelp')}</Muted>
          {failed.map((c) => (
            <FailedChangeCard
              key={c.id}
              change={c}
              onFix={() => void holdsRow(book, c).then((held) => router.push(fixRoute(c, held)))}
              onDiscard={() => book.discardFailed(c.id)}
            />
          ))}
        </View>
      )}

      <Card>
        <ListItem
          title={t('phone.settings.open')}
          onPress={() => router.push('/settings')}
          right={<Text style={styles.chevron}>›</Text>}
        />
      </Card>
    </Screen>
  );
}

const styles = StyleSheet.create({
  state: { fontSize: 18, fontWeight: '700', color: colors.text },
  failed: { gap: space.sm },
  chevron: { fontSize: 22, color: colors.muted },
});
