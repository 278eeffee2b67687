import { failureKind } from './errors.ts';
import type { Connectivity } from './runner.ts';
import type { LiveHandlers } from './transport.ts';

/** A stream open this long counts as having worked: its end is no failure. */
const STEADY_MS = 10_000;
/** The most a steady stream's successor waits. */
const STEADY_JITTER_MS = 2_000;

export interface LiveOptions {
  /** `SyncApi.live`: opens one subscription. */
  subscribe(handlers: LiveHandlers): () => void;
  /** Asks for a sync (the runner's `syncNow`, failures left to its status). */
  sync(): void;
  connectivity?: Connectivity | undefined;
  /** Reports whether a stream is open, for the status line. */
  onChange(open: boolean): void;
  backoffBaseMs?: number | undefined;
  backoffMaxMs?: number | undefined;
  random?: (() => number) | undefined;
}

export interface Live {
  /** Signed in (or out): a stream is held only while signed in, in the foreground and online. */
  setSignedIn(signedIn: boolean): void;
  setForeground(foreground: boolean): void;
  /** Lets the stream and the connectivity listener go, for good (the book is closing). */
  dispose(): void;
}

/**
 * Holds the live subscription while the app is signed in, in the foreground
 * and online: a sync on every (re)connect, for what came while it was closed,
 * and on every poke; after a failure it reopens with exponential backoff and
 * jitter. The timer of the runner stays as the safety net.
 */
export function createLive(options: LiveOptions): Live {
  const baseMs = options.backoffBaseMs ?? 1_000;
  const maxMs = options.backoffMaxMs ?? 60_000;
  const random = options.random ?? Math.random;
  let signedIn = false;
  let foreground = true;
  let online = options.connectivity?.isOnline() ?? true;
  let failures = 0;
  // The session was refused: no stream until the next sign-in, however the rest changes.
  let refused = false;
  let close: (() => void) | null = null;
  let retry: ReturnType<typeof setTimeout> | undefined;
  // Each stream's handlers check they still belong to the current one.
  let generation = 0;

  const wanted = () => signedIn && foreground && online && !refused;

  const stop = () => {
    generation++;
    clearTimeout(retry);
    retry = undefined;
    const c = close;
    close = null;
    if (c) {
      c();
      options.onChange(false);
    }
  };

  const open = () => {
    const mine = ++generation;
    let openedAt: number | null = null;
    const unsubscribe = options.subscribe({
      onOpen() {
        if (mine !== generation) return;
        openedAt = Date.now();
        options.onChange(true);
        options.sync();
      },
      onPoke() {
        if (mine !== generation) return;
        options.sync();
      },
      onClose(error) {
        if (mine !== generation) return;
        stop();
        if (failureKind(error) === 'unauthorized') refused = true;
        if (!wanted()) return;
        // A stream that stood a while (ended by the server's time limit, a restart) reopens
        // at once; one that failed to open, or fell soon after, backs off.
        if (openedAt !== null && Date.now() - openedAt > STEADY_MS) failures = 0;
        else failures++;
        const cap = Math.min(maxMs, baseMs * 2 ** Math.max(0, failures - 1));
        // Even after a steady stream, a little jitter: a server ending every stream at once
        // (a deploy, its LISTEN reconnecting) must not have them all back in the same instant.
        const delay = failures === 0 ? random() * STEADY_JITTER_MS : cap / 2 + (random() * cap) / 2;
        retry = setTimeout(() => {
          retry = undefined;
          reconcile();
        }, delay);
      },
    });
    // It may have closed already, while subscribing.
    if (mine === generation) close = unsubscribe;
    else unsubscribe();
  };

  /** Opens or closes the stream to match what is wanted; a reopening already planned waits. */
  function reconcile() {
    if (!wanted()) stop();
    else if (!close && !retry) open();
  }

  const unsubscribe = options.connectivity?.subscribe((isOnline) => {
    online = isOnline;
    if (isOnline) failures = 0;
    reconcile();
  });

  return {
    setSignedIn(value) {
      signedIn = value;
      failures = 0;
      refused = false;
      reconcile();
    },
    setForeground(value) {
      foreground = value;
      reconcile();
    },
    dispose() {
      signedIn = false;
      stop();
      unsubscribe?.();
    },
  };
}
