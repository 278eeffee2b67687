import NetInfo from '@react-native-community/netinfo';
import { uuidV7 } from '@storesync/schema';
import { createSyncClient, type SyncClient } from '@storesync/sync-client';
import { createExpoSqliteStore } from '@storesync/sync-client/expo';
import { netInfoConnectivity, reactNativeEventSource } from '@storesync/sync-client/react-native';
import * as Crypto from 'expo-crypto';
import * as SQLite from 'expo-sqlite';
import { AppState } from 'react-native';
import EventSource from 'react-native-sse';
import { SERVER_URL } from '../config';
import { clearSession, loadSession, sessionFitsBook } from './session';

/** The session token the sync client sends; set on sign-in, cleared on sign-out. */
let token: string | null = null;
export const setSyncToken = (next: string | null) => {
  token = next;
};

let opening: Promise<SyncClient> | null = null;

/**
 * The store's book on this phone, opened once per process (the screens and
 * the background task share it). Every read and write goes through the sync
 * client's store, which runs one transaction at a time on a connection of its
 * own: nothing else uses that connection (on web, expo-sqlite's file layer
 * takes no locks between connections), so no query can land inside a sync
 * transaction. Ids are UUIDv7 from expo-crypto's random bytes: Hermes has no
 * `crypto.getRandomValues`.
 * In the foreground it holds the live subscription, so other phones' changes
 * arrive at once.
 */
export function getBook(): Promise<SyncClient> {
  opening ??= (async () => {
    const db = await SQLite.openDatabaseAsync('storesync-book.db', { useNewConnection: true });
    const book = await createSyncClient({
      store: await createExpoSqliteStore(db),
      url: `${SERVER_URL}/api/trpc`,
      getToken: () => token,
      newId: () => uuidV7(Crypto.getRandomValues),
      connectivity: netInfoConnectivity(NetInfo),
      // Live pokes: React Native has no EventSource of its own.
      openEventSource: reactNativeEventSource(EventSource),
    });
    // The background task opens the book too: no live stream there.
    book.setForeground(AppState.currentState !== 'background');
    const session = await loadSession();
    if (session && !sessionFitsBook(session, book.deviceId)) await clearSession();
    else if (session) {
      token = session.token;
      await book.signIn(session.user.id);
    }
    return book;
  })();
  // A failed open is not kept: the next call (the splash's retry) tries again.
  opening.catch(() => {
    opening = null;
  });
  return opening;
}
