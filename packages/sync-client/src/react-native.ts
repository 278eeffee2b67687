import type { SyncClient } from './client.ts';
import type { Connectivity } from './runner.ts';

/** The part of a NetInfo state this needs (`@react-native-community/netinfo`). */
export interface NetInfoStateLike {
  isConnected: boolean | null;
  isInternetReachable?: boolean | null | undefined;
}

/** The part of NetInfo's default export this needs; NetInfo itself is assignable to it. */
export interface NetInfoLike {
  fetch(): Promise<NetInfoStateLike>;
  addEventListener(listener: (state: NetInfoStateLike) => void): () => void;
}

/** React Native's `AppState`, as far as this needs it. */
export interface AppStateLike {
  readonly currentState?: string | null;
  addEventListener(type: 'change', listener: (state: string) => void): { remove(): void };
}

/**
 * Online unless the phone has no network at all. `isInternetReachable` is left out: NetInfo
 * probes a public URL for it, which says "unreachable" on a LAN-only Wi-Fi whose StoreSync
 * server is right there (the README's dev set-up) and on captive portals. An attempt costs
 * little, and its failure says offline anyway. Unknown (null) counts as online.
 */
const reachable = (s: NetInfoStateLike) => s.isConnected !== false;

/**
 * Connectivity from NetInfo, for `createSyncClient({ connectivity })`: no
 * attempts while the phone has no network, and a sync as soon as it is back.
 * NetInfo is listened to only while the sync client is (between sign-in and
 * sign-out).
 */
export function netInfoConnectivity(netInfo: NetInfoLike): Connectivity {
  let online = true;
  const listeners = new Set<(online: boolean) => void>();
  let detach: (() => void) | null = null;
  const update = (state: NetInfoStateLike) => {
    const next = reachable(state);
    if (next === online) return;
    online = next;
    for (const listener of [...listeners]) listener(next);
  };
  const refresh = () => netInfo.fetch().then(update, () => undefined);
  refresh();
  return {
    isOnline: () => online,
    subscribe(listener) {
      listeners.add(listener);
      if (!detach) {
        detach = netInfo.addEventListener(update);
        refresh();
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size > 0) return;
        detach?.();
        detach = null;
      };
    },
  };
}

/**
 * Syncs when the app comes back to the foreground (`AppState` turning
 * `active`), where a phone left in a pocket most often has news to fetch, and
 * holds the live subscription only while it is there. A failure shows in
 * `book.status` like any other. Returns the unsubscribe function: call it on
 * sign-out.
 */
export function syncWhenActive(
  appState: AppStateLike,
  book: Pick<SyncClient, 'syncNow' | 'setForeground'>,
): () => void {
  let previous: string | null = null;
  // Its state now, for a change that came before this listener (an app woken by its
  // background task, then opened); later changes are heard.
  if (appState.currentState === 'active' || appState.currentState === 'background')
    book.setForeground(appState.currentState === 'active');
  const subscription = appState.addEventListener('change', (state) => {
    const returning = state === 'active' && previous !== null && previous !== 'active';
    previous = state;
    book.setForeground(state === 'active');
    if (returning) book.syncNow().catch(() => undefined);
  });
  return () => subscription.remove();
}

/** The constructor of `react-native-sse` (its default export), as far as this needs it. */
export type ReactNativeSseLike = new (
  url: string,
  options: {
    headers: Record<string, string>;
    pollingInterval: number;
    timeoutBeforeConnection: number;
  },
) => object;

/**
 * `openEventSource` for `createSyncClient` from `react-native-sse`: React Native
 * has no EventSource, and this one sends the session's header. It never
 * reconnects by itself (the sync client does, with backoff).
 */
export const reactNativeEventSource =
  (EventSource: ReactNativeSseLike) =>
  (url: string, headers: Record<string, string>): object =>
    new EventSource(url, { headers, pollingInterval: 0, timeoutBeforeConnection: 0 });
