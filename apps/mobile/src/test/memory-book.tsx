import type { Locale } from '@storesync/i18n';
import {
  createMemoryStore,
  createSyncClient,
  type OutboxItem,
  type SyncClient,
} from '@storesync/sync-client';
import { render } from '@testing-library/react-native';
import type { ReactElement } from 'react';
import { BookProvider } from '../book/book-provider';
import { CurrencyProvider } from '../book/currency';
import type { Session } from '../book/session';
import { LocaleProvider } from '../i18n/locale';

export const STORE_ID = '11111111-1111-4111-8111-111111111111';
const SESSION: Session = {
  token: 'test-token',
  expiresAt: '2099-01-01T00:00:00.000Z',
  user: { id: STORE_ID, email: 'owner@example.com', name: null },
};

/**
 * The real sync client on an in-memory store, signed in and offline: the
 * book the screens write to, with no server (nothing is ever sent).
 */
const opened: SyncClient[] = [];

/** Closes the books the test opened (their sync timers would keep Jest running). */
export const closeBooks = () => Promise.all(opened.splice(0).map((book) => book.close()));

export async function memoryBook(): Promise<SyncClient & { pendingItems(): Promise<OutboxItem[]> }> {
  let n = 0;
  const store = createMemoryStore();
  const book = await createSyncClient({
    store,
    api: {
      push: () => Promise.reject(new Error('no server in component tests')),
      pull: () => Promise.reject(new Error('no server in component tests')),
    },
    connectivity: { isOnline: () => false, subscribe: () => () => undefined },
    newId: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
  });
  opened.push(book);
  await book.signIn(STORE_ID);
  const pendingItems = () => store.transaction((tx) => tx.listOutbox({ status: 'pending' }));
  return Object.assign(book, { pendingItems });
}

/** Renders `ui` inside the app's providers, on `book`, in English unless `locale` says. */
export function renderWithBook(ui: ReactElement, book: SyncClient, locale: Locale = 'en') {
  const open = async () => ({ book, session: SESSION });
  return render(
    <LocaleProvider initial={locale}>
      <BookProvider open={open} fallback={() => null}>
        <CurrencyProvider>{ui}</CurrencyProvider>
      </BookProvider>
    </LocaleProvider>,
  );
}
