import { openDb } from '@storesync/db';
import { createTestClusters, type TestClusters } from '@storesync/db/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SyncClient } from './client.ts';
import { startTestServer, type TestServer } from './test/server.ts';
import { serverDevice } from './test/server-device.ts';

// Two servers on one database, as two app processes behind a load balancer: a poke
// travels from the one that took the push to the other by PostgreSQL's NOTIFY.
let one: TestServer;
let two: TestServer;
beforeAll(async () => {
  one = await startTestServer();
  two = await startTestServer({ database: one.admin });
}, 60_000);
afterAll(async () => {
  await two?.stop();
  await one?.stop();
});

let stores = 0;
const store = () => `live-${++stores}@example.com`;
const isLive = (c: SyncClient) =>
  vi.waitFor(() => expect(c.status.get().live).toBe(true), { timeout: 10_000 });

describe('live pokes', () => {
  // How soon is the benchmark's to say (`pnpm bench`, the live phase): a test run shares two cores with every other suite.
  it("brings device A's change to device B, subscribed on another app process, by a poke", async () => {
    const email = store();
    const a = await serverDevice(one, email);
    // B's timer is an hour: only a poke can bring A's change.
    const b = await serverDevice(two, email, { live: true });
    await isLive(b);
    await vi.waitFor(() => expect(two.hub().size).toBe(1));

    try {
      const c = await a.customers.create({ name: 'Wanjiru', phone: '0722' });
      await a.syncNow();
      await vi.waitFor(async () => expect(await b.customers.get(c.id)).toMatchObject({ name: 'Wanjiru' }), {
        timeout: 5_000,
        interval: 5,
      });
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
    await vi.waitFor(() => expect(two.hub().size).toBe(0));
  });

  it("pokes only the pushing store's other devices", async () => {
    const email = store();
    const a = await serverDevice(one, email, { live: true });
    const b = await serverDevice(two, email, { live: true });
    const stranger = await serverDevice(two, store(), { live: true });
    await Promise.all([isLive(a), isLive(b), isLive(stranger)]);
    // The syncs of sign-in and of the streams opening are over before counting starts.
    await Promise.all([a.syncNow(), b.syncNow(), stranger.syncNow()]);
    // Counts the syncs each device starts from here on.
    const syncsOf = (c: SyncClient) => {
      let n = 0;
      let previous = c.status.get().state;
      c.status.subscribe((s) => {
        if (s.state === 'syncing' && previous !== 'syncing') n++;
        previous = s.state;
      });
      return () => n;
    };
    const [aSyncs, bSyncs, strangerSyncs] = [syncsOf(a), syncsOf(b), syncsOf(stranger)];
    await a.customers.create({ name: 'Only for this store' });
    await a.syncNow();
    await vi.waitFor(() => expect(bSyncs()).toBeGreaterThanOrEqual(1), { timeout: 5_000 });
    // Time for a wrong poke to arrive: neither the pusher nor another store syncs.
    await new Promise((r) => setTimeout(r, 500));
    expect(aSyncs()).toBe(1);
    expect(strangerSyncs()).toBe(0);
    await Promise.all([a.close(), b.close(), stranger.close()]);
  });

  it('closes the subscription when its session is signed out, and does not hold it again', async () => {
    const email = store();
    let token = '';
    const b = await serverDevice(two, email, { live: true, onToken: (t) => (token = t) });
    await isLive(b);
    const res = await fetch(`${one.url}/auth.signOut`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(200);
    await vi.waitFor(() => expect(b.status.get().live).toBe(false), { timeout: 5_000 });
    await vi.waitFor(() => expect(two.hub().size).toBe(0));
    // The session is gone: reconnecting is refused, so the stream stays closed.
    await new Promise((r) => setTimeout(r, 1_500));
    expect(b.status.get().live).toBe(false);
    await b.close();
  });

  it('pulls once when the stream opens again, for what came while it was closed', async () => {
    const email = store();
    const a = await serverDevice(one, email);
    const b = await serverDevice(two, email, { live: true });
    await isLive(b);
    // The pull the stream's opening started is over (on a loaded machine it can come late).
    await b.syncNow();
    b.setForeground(false);
    await vi.waitFor(() => expect(two.hub().size).toBe(0));
    const c = await a.customers.create({ name: 'While B was in the background' });
    await a.syncNow();
    await new Promise((r) => setTimeout(r, 300));
    expect(await b.customers.get(c.id)).toBeNull();
    b.setForeground(true);
    await vi.waitFor(async () => expect(await b.customers.get(c.id)).not.toBeNull(), { timeout: 5_000 });
    await Promise.all([a.close(), b.close()]);
  });

  it('ends no stream but its own when a device closes', async () => {
    const email = store();
    const a = await serverDevice(two, email, { live: true });
    const b = await serverDevice(two, email, { live: true });
    await Promise.all([isLive(a), isLive(b)]);
    expect(two.hub().size).toBe(2);
    await a.close();
    await vi.waitFor(() => expect(two.hub().size).toBe(1));
    expect(b.status.get().live).toBe(true);
    await b.close();
    await vi.waitFor(() => expect(two.hub().size).toBe(0));
  });
});

describe('live pokes through PgBouncer, with pulls from a streaming replica', () => {
  // Two servers reach PostgreSQL only through PgBouncer in transaction mode (LISTEN and
  // migrations on a direct connection) and read pulls from a replica that lags.
  let clusters: TestClusters;
  let p1: TestServer;
  let p2: TestServer;
  beforeAll(async () => {
    clusters = await createTestClusters();
    const dbOptions = {
      databaseUrl: clusters.bouncerUrl,
      directUrl: clusters.primaryUrl,
      replicaUrl: clusters.replicaUrl,
      poolSize: 4,
    };
    const opened = await openDb(dbOptions);
    const database = { ...opened, url: clusters.primaryUrl, drop: opened.close };
    p1 = await startTestServer({ database, dbOptions });
    p2 = await startTestServer({ database, dbOptions });
  }, 120_000);
  afterAll(async () => {
    await p2?.stop();
    await p1?.stop();
    await p1?.admin.drop();
    await clusters?.stop();
  }, 60_000);

  it('brings a change pushed through one server to a device live on the other within a second', async () => {
    const email = store();
    const a = await serverDevice(p1, email);
    const b = await serverDevice(p2, email, { live: true });
    await isLive(b);
    for (const name of ['Kamau', 'Njeri', 'Otieno']) {
      const c = await a.customers.create({ name });
      const pushedAt = performance.now();
      await a.syncNow();
      await vi.waitFor(async () => expect(await b.customers.get(c.id)).toMatchObject({ name }), {
        timeout: 5_000,
        interval: 5,
      });
      expect(performance.now() - pushedAt).toBeLessThan(1_000);
    }
    await Promise.all([a.close(), b.close()]);
  });
});
