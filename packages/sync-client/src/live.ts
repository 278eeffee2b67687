import type { Connectivity } from './runner.ts';
import type { LiveHandlers } from './transport.ts';

/** A stream open this long counts as having worked: its end is no failure. */
const STEADY_MS = 10_000;

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
  /** The newest event id a poke announced (0 before any): the pull must reach it. */
  readonly newestPoked: number;
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
  let newestPoked = 0;
  let close: (() => void) | null = null;
  let retry: ReturnType<typeof setTimeout> | undefined;
  // Each stream's handlers check they still belong to the current one.
  let generation = 0;

  const wanted = () => signedIn && foreground && online;

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
      onPoke(eventId) {
        if (mine !== generation) return;
        newestPoked = Math.max(newestPoked, eventId);
        options.sync();
      },
      onClose() {
        if (mine !== generation) return;
        stop();
        if (!wanted()) return;
        // A stream that stood a while (ended by the server's time limit, a restart) reopens
        // at once; one that failed to open, or fell soon after, backs off.
        if (openedAt !== null && Date.now() - openedAt > STEADY_MS) failures = 0;
        else failures++;
        const cap = Math.min(maxMs, baseMs * 2 ** Math.max(0, failures - 1));
        const delay = failures === 0 ? 0 : cap / 2 + (random() * cap) / 2;
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

  options.connectivity?.subscribe((isOnline) => {
    online = isOnline;
    if (isOnline) failures = 0;
    reconcile();
  });

  return {
    setSignedIn(value) {
      signedIn = value;
      failures = 0;
      reconcile();
    },
    setForeground(value) {
      foreground = value;
      reconcile();
    },
    get newestPoked() {
      return newestPoked;
    },
  };
}
