import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type Connectivity, createRunner, RetryLaterError } from './runner.ts';
import { createStatusStore } from './status.ts';
import { httpError, networkError } from './test/fake-api.ts';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** A sync that takes `ms` of (fake) time and fails with the queued errors first. */
function fakeSync(ms = 100) {
  const failures: Error[] = [];
  let running = 0;
  let maxRunning = 0;
  const sync = vi.fn(async () => {
    running += 1;
    maxRunning = Math.max(maxRunning, running);
    if (ms > 0) await new Promise((r) => setTimeout(r, ms));
    running -= 1;
    const failure = failures.shift();
    if (failure) throw failure;
  });
  return { sync, failures, maxRunning: () => maxRunning };
}

function fakeNetwork(online: boolean) {
  const listeners = new Set<(online: boolean) => void>();
  const connectivity: Connectivity = {
    isOnline: () => online,
    subscribe: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
  const set = (next: boolean) => {
    online = next;
    for (const l of listeners) l(next);
  };
  return { connectivity, set, listeners };
}

describe('createRunner', () => {
  it('syncs on start, then on the timer', async () => {
    const { sync } = fakeSync();
    const status = createStatusStore();
    const runner = createRunner({ sync, status, intervalMs: 10_000 });
    runner.start();
    expect(status.get().state).toBe('syncing');
    await vi.advanceTimersByTimeAsync(100);
    expect(status.get().state).toBe('idle');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(sync).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(20_200);
    expect(sync).toHaveBeenCalledTimes(4);
    // Signing in again while running syncs at once.
    runner.start();
    await vi.advanceTimersByTimeAsync(100);
    expect(sync).toHaveBeenCalledTimes(5);
    runner.stop();
  });

  it('runs one sync at a time, folding requests made meanwhile into one more', async () => {
    const fake = fakeSync(1_000);
    const runner = createRunner({ sync: fake.sync, status: createStatusStore(), intervalMs: 60_000 });
    runner.start();
    const waits = [runner.syncNow(), runner.syncNow(), runner.syncNow()];
    await vi.advanceTimersByTimeAsync(2_000);
    await Promise.all(waits);
    expect(fake.sync).toHaveBeenCalledTimes(2);
    expect(fake.maxRunning()).toBe(1);
    runner.stop();
  });

  it('backs off exponentially with jitter after failures, and resets after a success', async () => {
    const fake = fakeSync(0);
    fake.failures.push(
      httpError(500, 'INTERNAL_SERVER_ERROR'),
      networkError(),
      networkError(),
      networkError(),
    );
    const status = createStatusStore();
    const runner = createRunner({
      sync: fake.sync,
      status,
      intervalMs: 60_000,
      backoffBaseMs: 1_000,
      backoffMaxMs: 5_000,
      random: () => 0.5,
    });
    runner.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(status.get()).toMatchObject({
      state: 'error',
      lastError: 'INTERNAL_SERVER_ERROR: INTERNAL_SERVER_ERROR',
    });
    // Delays are cap/2 + random·cap/2 with caps 1 s, 2 s, 4 s, then 5 s (the maximum).
    const at: number[] = [];
    for (const wait of [750, 1_500, 3_000, 3_750]) {
      await vi.advanceTimersByTimeAsync(wait - 1);
      at.push(fake.sync.mock.calls.length);
      await vi.advanceTimersByTimeAsync(1);
    }
    expect(at).toEqual([1, 2, 3, 4]);
    expect(fake.sync).toHaveBeenCalledTimes(5);
    expect(status.get()).toMatchObject({ state: 'idle', lastError: null });
    await vi.advanceTimersByTimeAsync(59_999);
    expect(fake.sync).toHaveBeenCalledTimes(5);
    await vi.advanceTimersByTimeAsync(1);
    expect(fake.sync).toHaveBeenCalledTimes(6);
    runner.stop();
  });

  it('shows offline when the request cannot reach the server', async () => {
    const fake = fakeSync(0);
    fake.failures.push(networkError());
    const status = createStatusStore();
    const runner = createRunner({ sync: fake.sync, status });
    await expect(runner.syncNow()).rejects.toThrow('fetch failed');
    expect(status.get()).toMatchObject({ state: 'offline', lastError: 'fetch failed' });
  });

  it('waits while the host is offline and syncs as soon as the network is back', async () => {
    const fake = fakeSync(0);
    const net = fakeNetwork(false);
    const status = createStatusStore();
    const runner = createRunner({
      sync: fake.sync,
      status,
      connectivity: net.connectivity,
      intervalMs: 60_000,
    });
    runner.start();
    await vi.advanceTimersByTimeAsync(120_000);
    expect(fake.sync).not.toHaveBeenCalled();
    expect(status.get().state).toBe('offline');
    net.set(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(fake.sync).toHaveBeenCalledTimes(1);
    expect(status.get().state).toBe('idle');
    runner.stop();
  });

  it('stops on sign-out: no timer, no network listener, the running sync finishes', async () => {
    const fake = fakeSync(1_000);
    const net = fakeNetwork(true);
    const runner = createRunner({
      sync: fake.sync,
      status: createStatusStore(),
      connectivity: net.connectivity,
      intervalMs: 5_000,
    });
    runner.start();
    await vi.advanceTimersByTimeAsync(500);
    runner.stop();
    expect(net.listeners.size).toBe(0);
    await vi.advanceTimersByTimeAsync(60_000);
    net.set(true);
    expect(fake.sync).toHaveBeenCalledTimes(1);
    runner.soon(10);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(fake.sync).toHaveBeenCalledTimes(1);
  });

  it('syncs soon after a local write, but not sooner while backing off', async () => {
    const fake = fakeSync(0);
    const runner = createRunner({
      sync: fake.sync,
      status: createStatusStore(),
      intervalMs: 60_000,
      backoffBaseMs: 30_000,
      random: () => 0,
    });
    runner.start();
    await vi.advanceTimersByTimeAsync(0);
    runner.soon(2_000);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(fake.sync).toHaveBeenCalledTimes(2);
    fake.failures.push(networkError());
    await runner.syncNow().catch(() => undefined);
    runner.soon(2_000);
    await vi.advanceTimersByTimeAsync(14_999);
    expect(fake.sync).toHaveBeenCalledTimes(3);
    await vi.advanceTimersByTimeAsync(1);
    expect(fake.sync).toHaveBeenCalledTimes(4);
    runner.stop();
  });

  it("waits out the server's Retry-After (429, 503): no attempt sooner, not even on request", async () => {
    const fake = fakeSync(0);
    fake.failures.push(
      httpError(429, 'TOO_MANY_REQUESTS', { 'retry-after': '30' }),
      httpError(503, 'SERVICE_UNAVAILABLE', { 'retry-after': '5' }),
    );
    const net = fakeNetwork(true);
    const status = createStatusStore();
    const runner = createRunner({
      sync: fake.sync,
      status,
      connectivity: net.connectivity,
      intervalMs: 60_000,
      backoffBaseMs: 100,
      random: () => 0,
    });
    runner.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(status.get()).toMatchObject({ state: 'error', lastError: 'TOO_MANY_REQUESTS: TOO_MANY_REQUESTS' });
    await vi.advanceTimersByTimeAsync(10_000);
    await expect(runner.syncNow()).rejects.toThrow(RetryLaterError);
    // The network coming back, or a write, does not cut the wait short either.
    net.set(false);
    net.set(true);
    runner.soon(0);
    await vi.advanceTimersByTimeAsync(19_999);
    expect(fake.sync).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(fake.sync).toHaveBeenCalledTimes(2);
    // The 503 asks for 5 s, longer than the backoff's 200 ms.
    await vi.advanceTimersByTimeAsync(4_999);
    expect(fake.sync).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(fake.sync).toHaveBeenCalledTimes(3);
    expect(status.get()).toMatchObject({ state: 'idle', lastError: null });
    await expect(runner.syncNow()).resolves.toBeUndefined();
    runner.stop();
  });
});
