import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createSyncClient, type SyncClient } from './client.ts';
import { createMemoryStore } from './storage/memory.ts';
import { startTestServer, type TestServer } from './test/server.ts';
import { serverDevice } from './test/server-device.ts';

let server: TestServer;
const dir = mkdtempSync(join(tmpdir(), 'sync-client-pg-'));
beforeAll(async () => {
  server = await startTestServer();
}, 60_000);
afterAll(async () => {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
});

let stores = 0;
/** A device of `email`'s store, signed in over HTTP, syncing only when told to. */
const device = (email: string, sqlite = true, now?: () => number): Promise<SyncClient> =>
  serverDevice(server, email, { sqlite, ...(now && { now }) });
const store = () => `store-${++stores}@example.com`;

describe('createSyncClient against the real server', () => {
  it('keeps both edits when two devices edit different fields of one customer offline', async () => {
    const email = store();
    const a = await device(email);
    const b = await device(email, false);
    const before = Date.now();
    const c = await a.customers.create({ name: 'Amina', phone: '0700', note: null });
    // New rows get UUIDv7 ids, time first, by default: the server's indexes take them in order.
    expect(c.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const made = Number.parseInt(c.id.replaceAll('-', '').slice(0, 12), 16);
    expect(made).toBeGreaterThanOrEqual(before);
    expect(made).toBeLessThanOrEqual(Date.now());
    await a.syncNow();
    await b.syncNow();
    expect(await b.customers.get(c.id)).toMatchObject({ name: 'Amina', phone: '0700' });

    // Offline: each edits its own field.
    await a.customers.update(c.id, { name: 'Amina W.' });
    await b.customers.update(c.id, { phone: '0711' });
    await b.syncNow();
    await a.syncNow();
    await b.syncNow();

    const expected = { name: 'Amina W.', phone: '0711', note: null, deletedAt: null };
    expect(await a.customers.get(c.id)).toMatchObject(expected);
    expect(await b.customers.get(c.id)).toMatchObject(expected);
    expect(await a.customers.list()).toEqual(await b.customers.list());
    expect(a.status.get()).toMatchObject({ state: 'idle', pending: 0, failed: 0 });
    await Promise.all([a.close(), b.close()]);
  });

  it('pulls from a server not yet updated, which refuses pages over 1000, in pages of 1000', async () => {
    const email = store();
    const a = await device(email);
    for (const name of ['Amina', 'Baraka', 'Chausiku'])
      await a.customers.create({ name, phone: null, note: null });
    await a.syncNow();
    // Today's server refuses a page over 5000 as an older one refused a page over 1000: its real 400.
    const asked: number[] = [];
    const olderServer: typeof fetch = (input, init) => {
      const url = new URL(String(input));
      if (url.pathname.endsWith('/sync.pull')) {
        const arg = JSON.parse(url.searchParams.get('input') ?? '{}') as { limit: number };
        asked.push(arg.limit);
        if (arg.limit > 1000) url.searchParams.set('input', JSON.stringify({ ...arg, limit: 5001 }));
      }
      return fetch(url, init);
    };
    const b = await serverDevice(server, email, { fetch: olderServer });
    await b.syncNow();
    expect((await b.customers.list()).map((c) => c.name).sort()).toEqual(['Amina', 'Baraka', 'Chausiku']);
    // Refused once; from then on this client asks for 1000.
    expect(asked[0]).toBe(5000);
    expect(asked.slice(1)).toEqual(Array(asked.length - 1).fill(1000));
    expect(asked.length).toBeGreaterThan(1);
    expect(b.status.get()).toMatchObject({ state: 'idle', lastError: null });
    await Promise.all([a.close(), b.close()]);
  });

  it('marks a rejected change as failed and syncs the changes behind it', async () => {
    const a = await device(store());
    const ghost = '00000000-0000-4000-8000-000000000000';
    const debt = await a.debts.create({ customerId: ghost, amount: 100 });
    const c = await a.customers.create({ name: 'Behind the failure' });
    await a.syncNow();
    expect(a.status.get()).toMatchObject({ pending: 0, failed: 1 });
    expect(await a.debts.get(debt.id)).toBeNull();
    expect(await a.customers.get(c.id)).toMatchObject({ rowVersion: 1 });
    await a.close();
  });
});

describe('the README example', () => {
  it('runs as written against the real server', async () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const code = /## Wiring it into an app\s+```ts\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(code).toBeTruthy();
    const file = join(dir, 'readme-example.ts');
    writeFileSync(file, code ?? '');
    const { openBook } = (await import(/* @vite-ignore */ pathToFileURL(file).href)) as {
      openBook: (
        url: string,
        file: string,
        signIn: (deviceId: string) => Promise<unknown>,
      ) => Promise<SyncClient>;
    };
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const email = store();
    const signIn = async (deviceId: string) => {
      const s = await server.signIn(email, deviceId);
      return { sessionToken: s.token, user: { id: s.userId } };
    };
    const book = await openBook(server.url.replace(/\/api\/trpc$/, ''), join(dir, 'book.db'), signIn);
    await book.syncNow();
    expect(log).toHaveBeenLastCalledWith('sync: idle, 0 to send');
    log.mockRestore();
    await book.close();

    const other = await device(email);
    await other.syncNow();
    const [amina] = await other.customers.list();
    expect(amina).toMatchObject({ name: 'Amina', phone: '+254700000001' });
    expect(await other.debts.list()).toMatchObject([{ customerId: amina?.id, amount: 1500 }]);
    await other.close();
  });
});

describe('signIn', () => {
  it('clears a book of another store, but never unsynced changes', async () => {
    let token: string | null = null;
    const a = await createSyncClient({ store: createMemoryStore(), url: server.url, getToken: () => token });
    const signInTo = async (email: string) => {
      const s = await server.signIn(email, a.deviceId);
      token = s.token;
      return s.userId;
    };
    await a.signIn(await signInTo(store()));
    await a.customers.create({ name: 'Synced' });
    await a.syncNow();
    a.signOut();
    await a.signIn(await signInTo(store()));
    await a.syncNow();
    expect(await a.customers.list({ includeDeleted: true })).toEqual([]);
    await a.customers.create({ name: 'Not synced yet' });
    a.signOut();
    const third = await server.signIn(store(), a.deviceId);
    await expect(a.signIn(third.userId)).rejects.toThrow(/unsynced changes of another store/);
    expect((await a.customers.list()).map((c) => c.name)).toEqual(['Not synced yet']);
    await a.close();
  });
});

/**
 * A row's `updatedAt` is never behind the newest clock it holds, even one up to 5 minutes
 * ahead of the server (the clamp's slack), and the HLC observes it.
 */
describe('an edit made after seeing a change', () => {
  it('wins over it even when the other phone’s clock runs 4 minutes fast', async () => {
    const email = store();
    const fast = await device(email, true, () => Date.now() + 4 * 60_000);
    const honest = await device(email);
    const c = await fast.customers.create({ name: 'From the fast phone' });
    await fast.syncNow();
    await honest.syncNow();
    await honest.customers.update(c.id, { name: 'Corrected after seeing it' });
    await honest.syncNow();
    await fast.syncNow();
    expect(await fast.customers.get(c.id)).toMatchObject({ name: 'Corrected after seeing it' });
    await Promise.all([fast.close(), honest.close()]);
  });
});
