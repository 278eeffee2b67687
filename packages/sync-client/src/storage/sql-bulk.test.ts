import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { serverRow } from '../test/fake-api.ts';
import { openSqliteStore } from './sqlite.ts';

const dir = mkdtempSync(join(tmpdir(), 'sync-client-bulk-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The file's indexes on entity tables, and what is recorded as set aside, read behind the store. */
function indexesOf(file: string) {
  const db = new Database(file, { readonly: true });
  const indexes = db
    .prepare(
      "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name NOT IN ('outbox', 'server_rows', 'balances', 'deferred_indexes') ORDER BY name",
    )
    .all() as { name: string; sql: string }[];
  const deferred = (
    db.prepare('SELECT name FROM deferred_indexes ORDER BY name').all() as { name: string }[]
  ).map((r) => r.name);
  db.close();
  return { indexes, deferred };
}

const customers = (n: number) =>
  Array.from({ length: n }, (_, i) =>
    serverRow(crypto.randomUUID(), { name: `Customer ${n - i}`, phone: null, note: null }),
  );

describe('a bulk load with the indexes set aside', () => {
  it('builds every index again, the same, and the book reads as before', async () => {
    const file = join(dir, 'bulk.db');
    const store = await openSqliteStore(file);
    const before = indexesOf(file);
    expect(before.indexes.map((i) => i.name)).toContain('customers_name_key_idx');
    // The NOCASE name index is gone: names sort and search by name_key.
    expect(before.indexes.map((i) => i.name)).not.toContain('customers_name_idx');
    const rows = customers(50);
    await store.transaction(async (tx) => {
      await tx.deferIndexes?.();
      await tx.putRows('customers', rows);
    });
    const aside = indexesOf(file);
    expect(aside.indexes).toEqual([]);
    expect(aside.deferred).toEqual(before.indexes.map((i) => i.name));
    await store.transaction(async (tx) => tx.buildIndexes?.());
    expect(indexesOf(file)).toEqual({ indexes: before.indexes, deferred: [] });
    const listed = await store.transaction((tx) => tx.reads.customers({ order: 'name', limit: 3 }));
    expect(listed.rows.map((c) => c.customer.name)).toEqual(['Customer 1', 'Customer 10', 'Customer 11']);
    await store.close();
  });

  it('loses no index to a crash between the two: the store builds them when it opens', async () => {
    const file = join(dir, 'crash.db');
    const store = await openSqliteStore(file);
    const before = indexesOf(file);
    await store.transaction(async (tx) => {
      await tx.deferIndexes?.();
      await tx.putRows('customers', customers(10));
    });
    // The app dies here (its database closed without the rest of the load).
    await store.close();
    expect(indexesOf(file).indexes).toEqual([]);
    const reopened = await openSqliteStore(file);
    expect(indexesOf(file)).toEqual({ indexes: before.indexes, deferred: [] });
    await reopened.close();
  });

  it('rolls the setting aside back with a transaction that fails', async () => {
    const file = join(dir, 'rollback.db');
    const store = await openSqliteStore(file);
    const before = indexesOf(file);
    await expect(
      store.transaction(async (tx) => {
        await tx.deferIndexes?.();
        throw new Error('the page could not be written');
      }),
    ).rejects.toThrow('could not be written');
    expect(indexesOf(file)).toEqual(before);
    await store.close();
  });
});
