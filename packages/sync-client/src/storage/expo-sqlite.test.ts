import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expoLikeDatabase } from '../test/expo-like.ts';
import { serverRow } from '../test/fake-api.ts';
import { createExpoSqliteStore } from './expo-sqlite.ts';
import { storeContract } from './store-suite.ts';

storeContract('createExpoSqliteStore', () => createExpoSqliteStore(expoLikeDatabase(':memory:')));

const dir = mkdtempSync(join(tmpdir(), 'sync-client-expo-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const C1 = '11111111-1111-4111-8111-111111111111';
/** A promise opened from outside. */
function gate() {
  let open: (value: undefined) => void = () => undefined;
  const opened = new Promise<undefined>((resolve) => {
    open = resolve;
  });
  return { opened, open: () => open(undefined) };
}
const customer = serverRow(C1, { name: 'half-written', phone: null, note: null });

describe('createExpoSqliteStore on a connection of its own', () => {
  it("keeps the app's queries on another connection out of a sync transaction", async () => {
    const file = join(dir, 'book.db');
    const syncDb = expoLikeDatabase(file);
    const store = await createExpoSqliteStore(syncDb);
    const app = expoLikeDatabase(file);
    const names = (db: typeof app) => db.getAllAsync<{ name: string }>('SELECT name FROM customers', []);

    const written = gate();
    const finish = gate();
    const sync = store.transaction(async (tx) => {
      await tx.putRows('customers', [customer]);
      written.open();
      await finish.opened;
      throw new Error('the page failed midway');
    });
    await written.opened;
    // The app's connection neither sees the uncommitted row nor waits for it...
    expect(await names(app)).toEqual([]);
    // ...where a query on the sync's own connection would have run inside its transaction.
    expect(await names(syncDb)).toEqual([{ name: 'half-written' }]);
    finish.open();
    await expect(sync).rejects.toThrow('midway');
    expect(await names(app)).toEqual([]);

    await store.transaction((tx) => tx.putRows('customers', [{ ...customer, name: 'committed' }]));
    expect(await names(app)).toEqual([{ name: 'committed' }]);
    expect(await app.getAllAsync('PRAGMA journal_mode', [])).toEqual([{ journal_mode: 'wal' }]);
    await store.close();
    await app.closeAsync();
  });
});

describe('createExpoSqliteStore settings', () => {
  const pragma = async (db: ReturnType<typeof expoLikeDatabase>, name: string) =>
    Object.values((await db.getAllAsync<Record<string, unknown>>(`PRAGMA ${name}`, []))[0] ?? {})[0];

  it('makes a new book with 16 KiB pages and a 32 MiB cache; a book made before keeps its pages and opens', async () => {
    const fresh = expoLikeDatabase(join(dir, 'fresh.db'));
    const store = await createExpoSqliteStore(fresh);
    expect(await pragma(fresh, 'page_size')).toBe(16384);
    expect(await pragma(fresh, 'cache_size')).toBe(-32768);
    expect(await pragma(fresh, 'temp_store')).toBe(2);
    await store.close();

    const oldFile = join(dir, 'old.db');
    const made = expoLikeDatabase(oldFile);
    await made.execAsync(
      'PRAGMA page_size = 4096; CREATE TABLE before_us (x); INSERT INTO before_us VALUES (1);',
    );
    await made.closeAsync();
    const old = expoLikeDatabase(oldFile);
    const reopened = await createExpoSqliteStore(old);
    expect(await pragma(old, 'page_size')).toBe(4096);
    await reopened.transaction((tx) => tx.putRows('customers', [customer]));
    expect(await old.getAllAsync('SELECT name FROM customers', [])).toEqual([{ name: 'half-written' }]);
    await reopened.close();
  });
});
