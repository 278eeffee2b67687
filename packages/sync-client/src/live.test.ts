import { TRPCClientError } from '@trpc/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLive } from './live.ts';
import type { Connectivity } from './runner.ts';
import type { LiveHandlers } from './transport.ts';

/** A server stand-in: each subscription's handlers, and whether it is still held. */
function fakeServer() {
  const streams: { handlers: LiveHandlers; open: boolean }[] = [];
  return {
    streams,
    subscribe(handlers: LiveHandlers) {
      const s = { handlers, open: true };
      streams.push(s);
      return () => {
        s.open = false;
      };
    },
    held: () => streams.filter((s) => s.open).length,
    last: () => streams.at(-1) as { handlers: LiveHandlers; open: boolean },
  };
}

function fakeConnectivity() {
  let online = true;
  const listeners = new Set<(online: boolean) => void>();
  const connectivity: Connectivity = {
    isOnline: () => online,
    subscribe(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
  return {
    connectivity,
    set(value: boolean) {
      online = value;
      for (const l of listeners) l(value);
    },
  };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('createLive', () => {
  it('holds a stream only while signed in, in the foreground and online', () => {
    const server = fakeServer();
    const net = fakeConnectivity();
    const live = createLive({ subscribe: server.subscribe, sync: () => {}, onChange: () => {}, ...net });
    expect(server.held()).toBe(0);
    live.setSignedIn(true);
    expect(server.held()).toBe(1);
    live.setForeground(false);
    expect(server.held()).toBe(0);
    live.setForeground(true);
    expect(server.held()).toBe(1);
    net.set(false);
    expect(server.held()).toBe(0);
    net.set(true);
    expect(server.held()).toBe(1);
    live.setSignedIn(false);
    expect(server.held()).toBe(0);
    expect(server.streams).toHaveLength(3);
  });

  it('syncs when a stream opens and on every poke', () => {
    const server = fakeServer();
    const sync = vi.fn();
    const states: boolean[] = [];
    const live = createLive({ subscribe: server.subscribe, sync, onChange: (open) => states.push(open) });
    live.setSignedIn(true);
    server.last().handlers.onOpen();
    expect(sync).toHaveBeenCalledTimes(1);
    server.last().handlers.onPoke(41);
    server.last().handlers.onPoke(40);
    expect(sync).toHaveBeenCalledTimes(3);
    live.setSignedIn(false);
    expect(states).toEqual([true, false]);
  });

  it('reopens a failing stream with exponential backoff, and at once after one that stood', () => {
    const server = fakeServer();
    const live = createLive({
      subscribe: server.subscribe,
      sync: () => {},
      onChange: () => {},
      backoffBaseMs: 1_000,
      backoffMaxMs: 8_000,
      random: () => 0,
    });
    live.setSignedIn(true);
    // Refused four times in a row: waits of 0.5, 1, 2 and 4 s (half the cap, with no jitter).
    for (const wait of [500, 1_000, 2_000, 4_000]) {
      const before = server.streams.length;
      server.last().handlers.onClose(new Error('refused'));
      expect(server.held()).toBe(0);
      vi.advanceTimersByTime(wait - 1);
      expect(server.streams).toHaveLength(before);
      vi.advanceTimersByTime(1);
      expect(server.streams).toHaveLength(before + 1);
    }
    // This one opens and stands a minute; its end (the server's time limit) is no failure.
    server.last().handlers.onOpen();
    vi.advanceTimersByTime(60_000);
    server.last().handlers.onClose(null);
    // At once but for up to 2 s of jitter (none here: random() is 0).
    vi.advanceTimersByTime(0);
    expect(server.held()).toBe(1);
  });

  it('holds no stream after the server refused the session, until the next sign-in', () => {
    const server = fakeServer();
    const live = createLive({ subscribe: server.subscribe, sync: () => {}, onChange: () => {} });
    live.setSignedIn(true);
    const refusal = new TRPCClientError('This session has been signed out', {
      result: {
        error: { code: -32001, message: 'signed out', data: { code: 'UNAUTHORIZED', httpStatus: 401 } },
      },
    } as never);
    server.last().handlers.onClose(refusal);
    vi.advanceTimersByTime(10 * 60_000);
    live.setForeground(false);
    live.setForeground(true);
    expect(server.streams).toHaveLength(1);
    live.setSignedIn(true);
    expect(server.held()).toBe(1);
  });

  it('lets the connectivity listener go when disposed', () => {
    const net = fakeConnectivity();
    const server = fakeServer();
    const live = createLive({ subscribe: server.subscribe, sync: () => {}, onChange: () => {}, ...net });
    live.setSignedIn(true);
    live.dispose();
    expect(server.held()).toBe(0);
    net.set(false);
    net.set(true);
    expect(server.held()).toBe(0);
  });

  it('ignores what a stream it has let go reports', () => {
    const server = fakeServer();
    const sync = vi.fn();
    const live = createLive({ subscribe: server.subscribe, sync, onChange: () => {} });
    live.setSignedIn(true);
    const old = server.last();
    live.setForeground(false);
    live.setForeground(true);
    old.handlers.onPoke(7);
    old.handlers.onClose(new Error('late'));
    expect(sync).not.toHaveBeenCalled();
    expect(server.held()).toBe(1);
  });
});
