import type { Entity, PullOutput, SnapshotOutput } from '@storesync/schema';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SyncClient } from './client.ts';
import { openSqliteStore } from './storage/sqlite.ts';
import type { Store } from './storage/types.ts';
import { startTestServer, type TestServer } from './test/server.ts';
import { serverDevice } from './test/server-device.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
}, 60_000);
afterAll(() => server.stop());

let stores = 0;
const store = () => `snapshot-${++stores}@example.com`;

/** What a device received: snapshot rows and pulled events, and the procedures it called. */
interface Traffic {
  calls: string[];
  snapshotRows: number;
  pulledEvents: number;
}

/**
 * A fetch that counts what comes back and asks for snapshot pages of `pageRows`; `afterPage`
 * runs once each snapshot page has been answered, before the device sees it; `rename` sends
 * `sync.snapshot` under another name (a server that has no such procedure answers its own 404).
 */
function watching(
  traffic: Traffic,
  {
    pageRows,
    afterPage,
    rename,
  }: { pageRows?: number; afterPage?: () => Promise<void>; rename?: string } = {},
): typeof fetch {
  return async (input, init) => {
    const url = new URL(String(input));
    const procedure = url.pathname.split('/').at(-1) ?? '';
    traffic.calls.push(procedure);
    if (procedure === 'sync.snapshot') {
      const arg = JSON.parse(url.searchParams.get('input') ?? '{}') as object;
      if (pageRows) url.searchParams.set('input', JSON.stringify({ ...arg, limit: pageRows }));
      if (rename) url.pathname = url.pathname.replace('sync.snapshot', rename);
    }
    const res = await fetch(url, init);
    if (!res.ok) return res;
    const body = (await res.clone().json()) as { result: { data: SnapshotOutput & PullOutput } };
    if (procedure === 'sync.snapshot') {
      traffic.snapshotRows += body.result.data.rows.length;
      await afterPage?.();
    }
    if (procedure === 'sync.pull') traffic.pulledEvents += body.result.data.events.length;
    return res;
  };
}

/** The book's check runs in the background after a sync: as long as a loaded CI machine takes for it. */
const CHECKED = { timeout: 15_000, interval: 50 };

const newTraffic = (): Traffic => ({ calls: [], snapshotRows: 0, pulledEvents: 0 });

/** A book of 30 customers, each edited 6 times, 2 of them deleted, and 10 debts: 100+ events for 41 rows. */
async function editedBook(a: SyncClient): Promise<number> {
  const customers = [];
  for (let i = 0; i < 30; i++)
    customers.push(await a.customers.create({ name: `Customer ${i}`, phone: null, note: null }));
  await a.syncNow();
  for (let round = 0; round < 5; round++) {
    for (const c of customers) await a.customers.update(c.id, { note: `round ${round}` });
    await a.syncNow();
  }
  for (const c of customers.slice(0, 10)) await a.debts.create({ customerId: c.id, amount: 100, note: null });
  for (const c of customers.slice(28)) await a.customers.delete(c.id);
  await a.syncNow();
  return customers.length + 10;
}

/** The book as a shop owner sees it: customers with their balances, and the debts. */
const bookOf = async (d: SyncClient) => ({
  customers: (await d.customers.list()).map((c) => ({ id: c.id, name: c.name, note: c.note })),
  debts: (await d.debts.list()).map((x) => ({ id: x.id, amount: x.amount, customerId: x.customerId })),
});

describe('a new device’s first sync', () => {
  it('takes the book by snapshot: its rows, not every edit that made them', async () => {
    const email = store();
    const a = await serverDevice(server, email);
    const rows = await editedBook(a);
    const traffic = newTraffic();
    const b = await serverDevice(server, email, { fetch: watching(traffic) });
    await b.syncNow();
    expect(await bookOf(b)).toEqual(await bookOf(a));
    // 40 rows (the 2 deleted customers are tombstones the phone lists as recently deleted) and no event.
    expect(traffic.snapshotRows).toBe(rows);
    expect(traffic.pulledEvents).toBe(0);
    const syncCalls = traffic.calls.filter((c) => c === 'sync.snapshot' || c === 'sync.pull');
    expect(syncCalls[0]).toBe('sync.snapshot');
    expect(syncCalls.slice(1).every((c) => c === 'sync.pull')).toBe(true);
    expect(b.status.get()).toMatchObject({ state: 'idle', catchUp: null });
    // Later syncs pull the log from where the snapshot stood.
    await a.customers.create({ name: 'After', phone: null, note: null });
    await a.syncNow();
    await b.syncNow();
    expect(await bookOf(b)).toEqual(await bookOf(a));
    expect(traffic.calls.filter((c) => c === 'sync.snapshot')).toHaveLength(1);
    await Promise.all([a.close(), b.close()]);
  });

  it('misses nothing another device writes while the snapshot is paged', async () => {
    const email = store();
    const a = await serverDevice(server, email);
    await editedBook(a);
    const customers = await a.customers.list();
    let page = 0;
    const traffic = newTraffic();
    const afterPage = async () => {
      // Each page, another device edits a row already sent, adds one, and deletes one not yet sent.
      const sent = customers[page];
      const later = customers.at(-1 - page);
      page++;
      if (sent) await a.customers.update(sent.id, { name: `${sent.name} (edited)` });
      await a.customers.create({ name: `New ${page}`, phone: null, note: null });
      if (later && page % 2 === 0) await a.customers.delete(later.id);
      await a.syncNow();
    };
    const b = await serverDevice(server, email, { fetch: watching(traffic, { pageRows: 4, afterPage }) });
    await b.syncNow();
    expect(page).toBeGreaterThan(8);
    expect(traffic.pulledEvents).toBeGreaterThan(0);
    expect(await bookOf(b)).toEqual(await bookOf(a));
    await Promise.all([a.close(), b.close()]);
  });

  it('pulls the whole log from a server without the snapshot, as before', async () => {
    const email = store();
    const a = await serverDevice(server, email);
    await editedBook(a);
    const traffic = newTraffic();
    const b = await serverDevice(server, email, {
      fetch: watching(traffic, { rename: 'sync.noSuchProcedure' }),
    });
    await b.syncNow();
    expect(await bookOf(b)).toEqual(await bookOf(a));
    expect(traffic.snapshotRows).toBe(0);
    expect(traffic.pulledEvents).toBeGreaterThan(150);
    expect(b.status.get()).toMatchObject({ state: 'idle', lastError: null });
    await Promise.all([a.close(), b.close()]);
  });
});

describe('a book checked against the server’s digest', () => {
  it('matches after a first sync, and the server keeps the time for the dashboard', async () => {
    const email = store();
    const a = await serverDevice(server, email);
    await editedBook(a);
    const b = await serverDevice(server, email);
    await b.syncNow();
    await vi.waitFor(() => expect(b.status.get().verifiedAt).not.toBeNull(), CHECKED);
    expect(b.status.get().lastRepair).toBeNull();
    await vi.waitFor(async () => {
      const [session] = await server.admin.db.sql.query<{ verified_at: Date | null }>(
        'SELECT verified_at FROM sessions WHERE device_id = $1',
        [b.deviceId],
      );
      expect(session?.verified_at).toBeInstanceOf(Date);
    }, CHECKED);
    await Promise.all([a.close(), b.close()]);
  });

  it('takes a sale recorded while the book is read, entity by entity, for no difference', async () => {
    const email = store();
    const a = await serverDevice(server, email);
    await editedBook(a);
    const local = await openSqliteStore(':memory:');
    let armed = false;
    let sale: Promise<unknown> | null = null;
    // The check reads an entity per transaction: right after it has read the customers, a sale.
    const watched: Store = {
      ...local,
      transaction: (fn) =>
        local.transaction(async (tx) => {
          let readCustomers = false;
          const seen = new Proxy(tx, {
            get(target, key, receiver) {
              if (key === 'liveVersions')
                return (entity: Entity) => {
                  if (entity === 'customers') readCustomers = true;
                  return target.liveVersions?.(entity) ?? [];
                };
              const value = Reflect.get(target, key, receiver);
              return typeof value === 'function' ? value.bind(target) : value;
            },
          });
          const result = await fn(seen);
          if (armed && readCustomers) {
            armed = false;
            sale = b.sales.create({
              customerId: null,
              items: [{ name: 'Bread', quantity: 1, unitPrice: 250 }],
              total: 250,
              paidAmount: 250,
              soldAt: new Date().toISOString(),
              note: null,
            });
          }
          return result;
        }),
    };
    const b = await serverDevice(server, email, { store: watched, verifyEveryMs: 1 });
    await b.syncNow();
    await vi.waitFor(() => expect(b.status.get().verifiedAt).not.toBeNull(), CHECKED);
    const first = b.status.get().verifiedAt;
    armed = true;
    await b.syncNow();
    await vi.waitFor(() => expect(sale).not.toBeNull(), CHECKED);
    await sale;
    // The next entities were read with the sale unsent: no verdict, and nothing "mended".
    await new Promise((r) => setTimeout(r, 300));
    expect(b.status.get().verifiedAt).toBe(first);
    expect(b.status.get().lastRepair).toBeNull();
    // Once it is sent, the book matches again.
    await b.syncNow();
    await vi.waitFor(() => expect(b.status.get().verifiedAt).not.toBe(first), CHECKED);
    expect(b.status.get().lastRepair).toBeNull();
    expect(await bookOf(b)).toEqual(await bookOf(a));
    await Promise.all([a.close(), b.close()]);
  });

  it('finds rows changed, lost or added behind the client’s back, mends them, and says so', async () => {
    const email = store();
    const a = await serverDevice(server, email);
    await editedBook(a);
    const local = await openSqliteStore(':memory:');
    const b = await serverDevice(server, email, { store: local, verifyEveryMs: 1 });
    await b.syncNow();
    await vi.waitFor(() => expect(b.status.get().verifiedAt).not.toBeNull(), CHECKED);
    const truth = await bookOf(a);
    // Behind the client: a name and version overwritten, a debt lost, a customer that never was.
    const [first] = await b.customers.list();
    const [debt] = await b.debts.list();
    await local.transaction(async (tx) => {
      await tx.putRows('customers', [
        { ...(first as NonNullable<typeof first>), name: 'Tampered', rowVersion: 999 },
      ]);
      await tx.deleteRows('debts', [debt?.id as string]);
      await tx.putRows('customers', [
        { ...(first as NonNullable<typeof first>), id: crypto.randomUUID(), name: 'Ghost' },
      ]);
    });
    expect(await bookOf(b)).not.toEqual(truth);
    await b.syncNow();
    await vi.waitFor(
      () => expect(b.status.get().lastRepair?.entities).toEqual(['customers', 'debts']),
      CHECKED,
    );
    expect(await bookOf(b)).toEqual(truth);
    // Mended, the next check matches.
    const repairedAt = b.status.get().lastRepair?.at;
    await b.syncNow();
    await vi.waitFor(() => expect(b.status.get().verifiedAt).not.toBe(repairedAt), CHECKED);
    expect(b.status.get().lastRepair?.at).toBe(repairedAt);
    await Promise.all([a.close(), b.close()]);
  });
});
