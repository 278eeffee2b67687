import type { FailedChange, SyncClient } from '@storesync/sync-client';
import { useFailedChanges, useSyncStatus } from '@storesync/sync-client/react';
import { useRouter } from 'expo-router';
import { useEffect, useState } from 'react';
import { StyleSheet, Switch, Text, View } from 'react-native';
import { backgroundSyncSupported, isBackgroundSyncOn, setBackgroundSync } from '../../book/background';
import { useBook } from '../../book/book-provider';
import { useRefresh } from '../../book/use-refresh';
import { FormError } from '../../forms/form-error';
import { StoreForm } from '../../forms/store-form';
import { useLocale } from '../../i18n/locale';
import { Button } from '../../ui/button';
import { useConfirm } from '../../ui/confirm';
import { FailedChangeCard, fixRoute } from '../../ui/failed-change';
import { formatWhen } from '../../ui/format';
import { LanguagePicker } from '../../ui/language-picker';
import { Card, Heading, Muted, Screen } from '../../ui/layout';
import { describeSync } from '../../ui/sync-bar';
import { colors, space } from '../../ui/theme';

/** Whether the book holds the refused change's row, live: then the fix edits it, else it makes it anew. */
async function holdsRow(book: SyncClient, c: FailedChange): Promise<boolean> {
  const entity = ROW_ENTITIES.find((e) => e === c.entity);
  return entity ? (await book[entity].get(c.entityId)) !== null : false;
}
const ROW_ENTITIES = ['customers', 'debts', 'payments', 'sales'] as const;

/** Sync in detail: state, what waits, rejected changes to fix or discard; and this phone's settings. */
export default function SyncScreen() {
  const { book, session, signOut } = useBook();
  const status = useSyncStatus(book);
  const failed = useFailedChanges(book);
  const refresh = useRefresh();
  const router = useRouter();
  const [background, setBackground] = useState(false);
  const [backgroundError, setBackgroundError] = useState<string | null>(null);
  const [dialog, ask] = useConfirm();
  const { t, tag, alignStart } = useLocale();
  useEffect(() => {
    isBackgroundSyncOn().then(setBackground);
  }, []);
  /** Signing out with changes not yet sent keeps them here, unsent until the same store signs in. */
  const leave = async () => {
    const waiting = status.pending;
    const ok =
      waiting === 0 ||
      (await ask({
        title: t('sync.unsentTitle'),
        message: t('sync.unsentMessage', { count: waiting }),
        confirmLabel: t('sync.signOutAnyway'),
        destructive: true,
      }));
    if (ok) await signOut();
  };

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

      <StoreForm />
      <Heading>{t('sync.thisPhone')}</Heading>
      <Card>
        <LanguagePicker />
        {backgroundSyncSupported ? (
          <View style={styles.switchRow}>
            <Text style={[styles.switchLabel, alignStart]}>{t('sync.background')}</Text>
            <Switch
              accessibilityLabel={t('sync.background')}
              value={background}
              onValueChange={(on) =>
                setBackgroundSync(on).then(
                  () => setBackground(on),
                  (e: unknown) => setBackgroundError(e instanceof Error ? e.message : String(e)),
                )
              }
            />
          </View>
        ) : null}
        {backgroundError ? (
          <FormError message={t('sync.backgroundFailed', { reason: backgroundError })} />
        ) : null}
      </Card>
      <Card>
        <Muted>{t('sync.signedInAs', { email: session?.user.email ?? '—' })}</Muted>
        <Button variant="secondary" label={t('sync.signOut')} onPress={leave} />
        <Muted>{t('sync.bookStays')}</Muted>
      </Card>
      {dialog}
    </Screen>
  );
}

const styles = StyleSheet.create({
  state: { fontSize: 18, fontWeight: '700', color: colors.text },
  failed: { gap: space.sm },
  switchRow: {
    flexDirection: 'row',
    justifyContent: 'space-between',
    alignItems: 'center',
    paddingTop: space.sm,
  },
  switchLabel: { fontSize: 16, color: colors.text },
});
