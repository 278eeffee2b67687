import type { SyncClient } from '@storesync/sync-client';
import { syncWhenActive } from '@storesync/sync-client/react-native';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { AppState } from 'react-native';
import { signOutOnServer } from './auth-api';
import { getBook, setSyncToken } from './open-book';
import { clearSession, loadSession, type Session, saveSession } from './session';

interface BookValue {
  book: SyncClient;
  /** Null when nobody is signed in on this phone. */
  session: Session | null;
  /** Keeps the session (the app then opens offline) and starts syncing the store's book. */
  signIn(session: Session): Promise<void>;
  /** Revokes the session when online, forgets it here; the book's data stays on the phone. */
  signOut(): Promise<void>;
}

const BookContext = createContext<BookValue | null>(null);

type Opened = { book: SyncClient; session: Session | null } | { error: unknown };

const openSaved = async () => ({ book: await getBook(), session: await loadSession() });

interface BookProviderProps {
  children: ReactNode;
  /** While opening; with the error and a retry when the book could not be opened. */
  fallback: (error?: unknown, retry?: () => void) => ReactNode;
  /** Opens the book and reads the saved session; component tests pass a book on a memory store. */
  open?: () => Promise<{ book: SyncClient; session: Session | null }>;
}

/** Opens the book once and shares it, with who is signed in, to every screen. */
export function BookProvider({ children, fallback, open = openSaved }: BookProviderProps) {
  const [opened, setOpened] = useState<Opened | null>(null);
  const [attempt, setAttempt] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is the retry's trigger.
  useEffect(() => {
    open().then(setOpened, (error: unknown) => setOpened({ error }));
  }, [open, attempt]);
  const book = opened && 'book' in opened ? opened.book : null;
  const signedIn = opened !== null && 'session' in opened && opened.session !== null;
  // Back in the foreground: sync, while someone is signed in (never with no token).
  useEffect(() => (book && signedIn ? syncWhenActive(AppState, book) : undefined), [book, signedIn]);

  const signIn = useCallback(
    async (session: Session) => {
      if (!book) return;
      // The token must be in place when signIn starts the first sync, and gone if it fails
      // (a book holding another store's unsynced changes refuses to change store).
      setSyncToken(session.token);
      try {
        await book.signIn(session.user.id);
      } catch (error) {
        setSyncToken(null);
        throw error;
      }
      await saveSession(session);
      setOpened({ book, session });
    },
    [book],
  );
  const signOut = useCallback(async () => {
    if (!opened || !('book' in opened)) return;
    const token = opened.session?.token;
    opened.book.signOut();
    setSyncToken(null);
    await clearSession();
    setOpened({ book: opened.book, session: null });
    if (token) await signOutOnServer(token).catch(() => undefined);
  }, [opened]);

  const value = useMemo(
    () =>
      opened && 'book' in opened ? { book: opened.book, session: opened.session, signIn, signOut } : null,
    [opened, signIn, signOut],
  );
  if (!opened) return fallback();
  if ('error' in opened)
    return fallback(opened.error, () => {
      setOpened(null);
      setAttempt((n) => n + 1);
    });
  return <BookContext.Provider value={value}>{children}</BookContext.Provider>;
}

/** The book and the session; only inside BookProvider. */
export function useBook(): BookValue {
  const value = useContext(BookContext);
  if (!value) throw new Error('useBook outside BookProvider');
  return value;
}
