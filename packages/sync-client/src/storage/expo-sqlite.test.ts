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
