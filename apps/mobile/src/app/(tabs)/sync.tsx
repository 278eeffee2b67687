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
import { Button } from '../../ui/button';
import { useConfirm } from '../../ui/confirm';
import { FailedChangeCard, fixRoute } from '../../ui/failed-change';
import { formatWhen, plural } from '../../ui/format';
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
  useEffect(() => {
    isBackgroundSyncOn().then(setBackground);
  }, []);
  /** Signing out with changes not yet sent keeps them here, unsent until the same store signs in. */
  const leave = async () => {
    const waiting = status.pending;
    const ok =
      waiting === 0 ||
      (await ask({
        title: 'Changes not sent yet',
        message: `${plural(waiting, 'change')} made on this phone have not reached the server. They stay on this phone and are sent when this store signs in again; another store cannot sign in here until then.`,
        confirmLabel: 'Sign out anyway',
        destructive: true,
      }));
    if (ok) await signOut();
  };

  return (
    <Screen {...refresh}>
      <Card>
        <Text style={styles.state}>{describeSync(status).text}</Text>
        <Muted>{`${plural(status.pending, 'change')} waiting to be sent`}</Muted>
        <Muted>
          {status.lastSyncAt ? `Last synced ${formatWhen(status.lastSyncAt)}` : 'Never synced on this phone'}
        </Muted>
        {status.lastError && status.state === 'error' ? (
          <Muted>{`Last problem: ${status.lastError}`}</Muted>
        ) : null}
        {status.state === 'error' && status.lastError?.startsWith('UNAUTHORIZED') ? (
          // The session expired or was signed out from the dashboard: the book stays, unsent changes too.
          <Button label="Sign in again" onPress={signOut} />
        ) : null}
        <Button label="Sync now" onPress={refresh.onRefresh} busy={refresh.refreshing} />
      </Card>

      <Heading>{`Rejected changes${failed && failed.length > 0 ? ` (${failed.length})` : ''}`}</Heading>
      {!failed || failed.length === 0 ? (
        <Muted>None. Every change made on this phone was accepted.</Muted>
      ) : (
        <View style={styles.failed}>
          <Muted>
            The server refused these changes; they were undone on this phone. Fix and save again, or discard.
          </Muted>
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
      <Heading>This phone</Heading>
      <Card>
        {backgroundSyncSupported ? (
          <View style={styles.switchRow}>
            <Text style={styles.switchLabel}>Sync in the background</Text>
            <Switch
              accessibilityLabel="Sync in the background"
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
          <FormError message={`Background sync could not be turned on: ${backgroundError}`} />
        ) : null}
      </Card>
      <Card>
        <Muted>{`Signed in as ${session?.user.email ?? '—'}`}</Muted>
        <Button variant="secondary" label="Sign out" onPress={leave} />
        <Muted>The book stays on this phone; signing in again picks up where you left off.</Muted>
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
