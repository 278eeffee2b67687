import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncClient } from './client.ts';
import { openSqliteStore } from './storage/sqlite.ts';
import { startTestServer, type TestServer } from './test/server.ts';
import { serverDevice } from './test/server-device.ts';

let server: TestServer;
let dir: string;
beforeAll(async () => {
  server = await startTestServer();
  dir = mkdtempSync(join(tmpdir(), 'storesync-snapshot-crash-'));
}, 60_000);
afterAll(async () => {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** test/crash-device.ts in a process of its own; `pages` counts the snapshot pages it received. */
function startDevice(file: string, email: string, pageRows: number) {
  const script = fileURLToPath(new URL('./test/crash-device.ts', import.meta.url));
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', script, server.url, file, email, String(pageRows)],
    { cwd: fileURLToPath(new URL('..', import.meta.url)), stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const seen = { pages: 0, synced: false };
  child.stdout?.on('data', (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n')) {
      if (line === 'page') seen.pages++;
      if (line === 'synced') seen.synced = true;
    }
  });
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) =>
    child.on('exit', (code, signal) => resolve(signal ?? code)),
  );
  return { child, seen, exited };
}

const until = async (what: string, check: () => boolean, ms = 30_000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
};

/** The indexes a bulk load set aside and has not built again, read behind the store. */
function deferredIndexes(file: string): string[] {
  const db = new Database(file, { readonly: true });
  const names = (db.prepare('SELECT name FROM deferred_indexes').all() as { name: string }[]).map(
    (r) => r.name,
  );
  db.close();
  return names;
}

const indexNames = (file: string): string[] => {
  const db = new Database(file, { readonly: true });
  const names = (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'index'").all() as { name: string }[]
  ).map((r) => r.name);
  db.close();
  return names;
};

/** What the owner sees: the customers and the debts. */
const bookOf = async (d: SyncClient) => ({
  customers: (await d.customers.list()).map((c) => ({ id: c.id, name: c.name, note: c.note })),
  debts: (await d.debts.list()).map((x) => ({ id: x.id, amount: x.amount, customerId: x.customerId })),
});

describe('a new device killed with -9 in the middle of its first sync by snapshot', () => {
  it('keeps what was typed meanwhile, starts the snapshot over, and ends with the server’s book', async () => {
    const email = 'snapshot-crash@example.com';
    const a = await serverDevice(server, email);
    const customers = [];
    for (let i = 0; i < 300; i++)
      customers.push(await a.customers.create({ name: `Customer ${i}`, phone: null, note: null }));
    for (const c of customers.slice(0, 100))
      await a.debts.create({ customerId: c.id, amount: 250, note: null });
    for (const c of customers.slice(0, 50)) await a.customers.update(c.id, { note: 'edited' });
    await a.syncNow();
    // And 2,000 more, pushed in bulk: a book big enough for the new device to load it with
    // its indexes set aside (storage/sql-bulk.ts), which the kill must not lose.
    const seeder = await server.signIn(email, 'seeder');
    for (let batch = 0; batch < 4; batch++) {
      const events = Array.from({ length: 500 }, (_, i) => ({
        eventUuid: crypto.randomUUID(),
        entity: 'customers',
        entityId: crypto.randomUUID(),
        op: 'upsert',
        payload: { name: `Bulk ${batch * 500 + i}`, phone: null, note: null },
        clientUpdatedAt: new Date().toISOString(),
      }));
      const res = await fetch(`${server.url}/sync.push`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${seeder.token}` },
        body: JSON.stringify({ deviceId: 'seeder', events }),
      });
      expect(res.status).toBe(200);
    }

    const file = join(dir, 'book.db');
    const device = startDevice(file, email, 25);
    // Another phone writes while the first pages arrive: an edit and a new customer each.
    for (let page = 1; page <= 4; page++) {
      await until(`snapshot page ${page}`, () => device.seen.pages >= page);
      const c = customers[page * 7] as (typeof customers)[number];
      await a.customers.update(c.id, { name: `${c.name} (renamed)` });
      await a.customers.create({ name: `Walk-in ${page}`, phone: null, note: null });
      await a.syncNow();
    }
    await until('snapshot page 8', () => device.seen.pages >= 8);
    device.child.kill('SIGKILL');
    expect(await device.exited).toBe('SIGKILL');
    expect(device.seen.synced).toBe(false);

    // What the dead process left: part of the book, no cursor, and the customer typed meanwhile,
    // unsent; its indexes set aside, as recorded. Opening the store builds them again.
    expect(deferredIndexes(file)).toContain('customers_name_key_idx');
    const store = await openSqliteStore(file);
    expect(deferredIndexes(file)).toEqual([]);
    const left = await store.transaction(async (tx) => ({
      state: await tx.getState(),
      rows: (await tx.listRows('customers')).length + (await tx.listRows('debts')).length,
      pending: await tx.countOutbox('pending'),
    }));
    expect(left.state.lastServerEventId).toBe(0);
    expect(left.rows).toBeGreaterThanOrEqual(25 * 6);
    expect(left.rows).toBeLessThan(2300 + 4 + 100);
    expect(left.pending).toBe(1);

    // Started again on the same file: the snapshot from the top, the log after it, the change pushed.
    const b = await serverDevice(server, email, { store });
    await b.syncNow();
    await a.syncNow();
    const book = await bookOf(a);
    expect(book.customers).toHaveLength(2300 + 4 + 1);
    expect(book.customers.filter((c) => c.name === 'Typed during the sync')).toHaveLength(1);
    expect(await bookOf(b)).toEqual(book);
    expect(b.status.get()).toMatchObject({ state: 'idle', pending: 0, lastError: null });
    expect(indexNames(file)).toContain('customers_name_key_idx');
    await Promise.all([a.close(), b.close()]);
  }, 120_000);
});
