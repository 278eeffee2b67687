import { describe, expect, it, vi } from 'vitest';
import { type NetInfoStateLike, netInfoConnectivity, syncWhenActive } from './react-native.ts';

/** NetInfo's API over a state the test sets. */
function fakeNetInfo(initial: NetInfoStateLike) {
  let state = initial;
  const listeners = new Set<(s: NetInfoStateLike) => void>();
  return {
    netInfo: {
      fetch: async () => state,
      addEventListener(listener: (s: NetInfoStateLike) => void) {
        listeners.add(listener);
        return () => {
          listeners.delete(listener);
        };
      },
    },
    set(next: NetInfoStateLike) {
      state = next;
      for (const l of listeners) l(next);
    },
    listening: () => listeners.size,
  };
}

/** AppState's API over changes the test makes. */
function fakeAppState() {
  const listeners = new Set<(s: string) => void>();
  return {
    appState: {
      addEventListener(_type: 'change', listener: (s: string) => void) {
        listeners.add(listener);
        return { remove: () => listeners.delete(listener) };
      },
    },
    go: (state: string) => {
      for (const l of listeners) l(state);
    },
  };
}

describe('netInfoConnectivity', () => {
  it('reads the state at start, then reports each change while subscribed', async () => {
    const fake = fakeNetInfo({ isConnected: false, isInternetReachable: false });
    const connectivity = netInfoConnectivity(fake.netInfo);
    await vi.waitFor(() => expect(connectivity.isOnline()).toBe(false));
    const seen: boolean[] = [];
    const unsubscribe = connectivity.subscribe((online) => seen.push(online));
    fake.set({ isConnected: true, isInternetReachable: null });
    fake.set({ isConnected: true, isInternetReachable: true });
    // NetInfo's public probe fails on a LAN-only Wi-Fi whose server is right there: still try.
    fake.set({ isConnected: true, isInternetReachable: false });
    expect(connectivity.isOnline()).toBe(true);
    fake.set({ isConnected: false, isInternetReachable: false });
    expect(seen).toEqual([true, false]);
    expect(connectivity.isOnline()).toBe(false);
    unsubscribe();
    expect(fake.listening()).toBe(0);
  });
});

describe('syncWhenActive', () => {
  it('syncs when the app returns to the foreground, not on other changes, until removed', async () => {
    const fake = fakeAppState();
    const syncNow = vi.fn(() => Promise.reject(new Error('offline')));
    const setForeground = vi.fn();
    const stop = syncWhenActive(fake.appState, { syncNow, setForeground });
    fake.go('active');
    fake.go('inactive');
    fake.go('background');
    expect(syncNow).not.toHaveBeenCalled();
    fake.go('active');
    expect(syncNow).toHaveBeenCalledTimes(1);
    // The live subscription follows: held in the foreground only.
    expect(setForeground.mock.calls.map(([f]) => f)).toEqual([true, false, false, true]);
    fake.go('active');
    stop();
    fake.go('background');
    fake.go('active');
    expect(syncNow).toHaveBeenCalledTimes(1);
  });

  it('tells the book the state the app is in when it starts listening', () => {
    const setForeground = vi.fn();
    const syncNow = vi.fn(() => Promise.resolve());
    const listen = (currentState: string | null) =>
      syncWhenActive({ currentState, addEventListener: () => ({ remove() {} }) }, { syncNow, setForeground });
    listen('active')();
    listen('background')();
    listen(null)();
    expect(setForeground.mock.calls.map(([f]) => f)).toEqual([true, false]);
    expect(syncNow).not.toHaveBeenCalled();
  });
});
