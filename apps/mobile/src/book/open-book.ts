import NetInfo from '@react-native-community/netinfo';
import { createSyncClient, type SyncClient } from '@storesync/sync-client';
import { createExpoSqliteStore } from '@storesync/sync-client/expo';
import { netInfoConnectivity } from '@storesync/sync-client/react-native';
import * as Crypto from 'expo-crypto';
import * as SQLite from 'expo-sqlite';
import { SERVER_URL } from '../config';
import { loadSession } from './session';

/** The session token the sync client sends; set on sign-in, cleared on sign-out. */
let token: string | null = null;
export const setSyncToken = (next: string | null) => {
  token = next;
};

let opening: Promise<SyncClient> | null = null;

/**
 * The store's book on this phone, opened once per process (the screens and
 * the background task share it). The sync engine gets its own SQLite
 * connection, so nothing the app runs can land inside a sync transaction.
 * Ids come from expo-crypto: Hermes has no `crypto.randomUUID`.
 */
export function getBook(): Promise<SyncClient> {
  opening ??= (async () => {
    const db = await SQLite.openDatabaseAsync('storesync-book.db', { useNewConnection: true });
    const session = await loadSession();
    token = session?.token ?? null;
    const book = await createSyncClient({
      store: await createExpoSqliteStore(db),
      url: `${SERVER_URL}/api/trpc`,
      getToken: () => token,
      newId: Crypto.randomUUID,
      connectivity: netInfoConnectivity(NetInfo),
    });
    if (session) await book.signIn(session.user.id);
    return book;
  })();
  return opening;
}
