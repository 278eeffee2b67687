import { compactStore } from '@storesync/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncClient } from './client.ts';
import { startTestServer, type TestServer } from './test/server.ts';
import { serverDevice } from './test/server-device.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
}, 60_000);
afterAll(() => server.stop());

/** What a shop owner sees of the book: customers (name, note) and debts. */
const bookOf = async (d: SyncClient) => ({
  customers: (await d.customers.list()).map((c) => ({ id: c.id, name: c.name, note: c.note })),
  debts: (await d.debts.list()).map((x) => ({ id: x.id, amount: x.amount, customerId: x.customerId })),
});

/** Everything the store's log holds now happened four months ago. */
const age = (userId: string) =>
  server.admin.db.sql.query(
    `UPDATE sync_events SET server_received_at = now() - interval '120 days' WHERE user_id = $1::uuid`,
    [userId],
  );

describe('a device offline longer than the log’s horizon', () => {
  it('comes back holding 500 unsynced changes: every one survives, and the books converge', async () => {
    const email = 'away@example.com';
    const a = await serverDevice(server, email);
    // B's answers: the resync is told by a 409 on its pull.
    const statuses: number[] = [];
    const watched: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      if (String(input).includes('/sync.pull')) statuses.push(res.status);
      return res;
    };
    const b = await serverDevice(server, email, { fetch: watched });
    const customers = [];
    for (let i = 0; i < 30; i++)
      customers.push(await a.customers.create({ name: `Customer ${i}`, phone: null, note: null }));
    await a.syncNow();
    await b.syncNow();
    expect((await b.customers.list()).length).toBe(30);

    // B goes away. A edits, deletes and the server's log ages past the horizon and is compacted.
    for (const c of customers) await a.customers.update(c.id, { note: 'edited by A' });
    for (const c of customers.slice(25)) await a.customers.delete(c.id);
    await a.syncNow();
    const [{ user_id: userId } = { user_id: '' }] = await server.admin.db.sql.query<{ user_id: string }>(
      'SELECT user_id::text FROM sessions WHERE device_id = $1',
      [a.deviceId],
    );
    await age(userId);
    await a.customers.create({ name: 'After the horizon', phone: null, note: null });
    await a.syncNow();
    expect(await compactStore(server.admin.db.sql, userId, { horizonDays: 90, batch: 100 })).toBeGreaterThan(
      30,
    );

    // Meanwhile B, offline, recorded 500 changes: 400 debts and 100 new customers.
    const mine: string[] = [];
    for (let i = 0; i < 100; i++)
      mine.push((await b.customers.create({ name: `B's ${i}`, phone: null, note: null })).id);
    for (let i = 0; i < 400; i++)
      await b.debts.create({ customerId: customers[i % 25]?.id as string, amount: 100 + i, note: null });
    expect(b.status.get().pending).toBe(500);

    statuses.length = 0;
    await b.syncNow();
    expect(statuses[0]).toBe(409);
    expect(statuses.slice(1).every((s) => s === 200)).toBe(true);
    await a.syncNow();
    expect(b.status.get()).toMatchObject({ state: 'idle', pending: 0, failed: 0 });
    const bookA = await bookOf(a);
    expect(await bookOf(b)).toEqual(bookA);
    expect(bookA.debts).toHaveLength(400);
    expect(bookA.customers.filter((c) => mine.includes(c.id))).toHaveLength(100);
    // A's deletes reached B through the snapshot: the 5 deleted customers are gone from B's book.
    const names = new Set(bookA.customers.map((c) => c.id));
    for (const c of customers.slice(25)) expect(names.has(c.id)).toBe(false);
    expect(bookA.customers.find((c) => c.name === 'After the horizon')).toBeDefined();
    await Promise.all([a.close(), b.close()]);
  });
});
