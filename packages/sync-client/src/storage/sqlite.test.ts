import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { LOCAL_MIGRATIONS, migrate } from '../local-schema.ts';
import { serverRow } from '../test/fake-api.ts';
import { createSqlStore } from './sql-store.ts';
import { betterSqliteDriver, openSqliteStore } from './sqlite.ts';
import { storeContract } from './store-suite.ts';

storeContract('openSqliteStore', () => openSqliteStore(':memory:'));

const C1 = '11111111-1111-4111-8111-111111111111';
const C2 = '22222222-2222-4222-8222-222222222222';
const C3 = '33333333-3333-4333-8333-333333333333';
const dir = mkdtempSync(join(tmpdir(), 'sync-client-sqlite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const version = (file: string) => {
  const db = new Database(file);
  const v = db.pragma('user_version', { simple: true });
  db.close();
  return v;
};

describe('the local schema', () => {
  it('is created on first open and kept, data included, on the next', async () => {
    const file = join(dir, 'reopen.db');
    const first = await openSqliteStore(file);
    await first.transaction((tx) => tx.setState({ userId: 'u', lastServerEventId: 7 }));
    await first.close();
    expect(version(file)).toBe(LOCAL_MIGRATIONS.at(-1)?.version);
    const second = await openSqliteStore(file);
    expect(await second.transaction((tx) => tx.getState())).toMatchObject({
      userId: 'u',
      lastServerEventId: 7,
    });
    await second.close();
  });

  it('applies only the migrations a database lacks, each in its own transaction', async () => {
    const driver = betterSqliteDriver(new Database(':memory:'));
    const latest = await migrate(driver);
    const next = [
      ...LOCAL_MIGRATIONS,
      { version: latest + 1, statements: ['ALTER TABLE customers ADD COLUMN email TEXT'] },
    ];
    expect(await migrate(driver, next)).toBe(latest + 1);
    const cols = await driver.all<{ name: string }>('PRAGMA table_info(customers)');
    expect(cols.map((c) => c.name)).toContain('email');
    const broken = [...next, { version: latest + 2, statements: ['CREATE TABLE t (x)', 'NOT SQL'] }];
    await expect(migrate(driver, broken)).rejects.toThrow();
    expect(await driver.all('PRAGMA user_version')).toEqual([{ user_version: latest + 1 }]);
    expect(await driver.all("SELECT name FROM sqlite_master WHERE name = 't'")).toEqual([]);
  });

  it('keeps the meaning of a version 1 book, whose server rows were all kept', async () => {
    const known = serverRow(C1, { name: 'on the server', phone: null, note: null });
    const driver = betterSqliteDriver(new Database(':memory:'));
    await migrate(driver, LOCAL_MIGRATIONS.slice(0, 1));
    // A row the server has (edited here since), and a row made here that the server lacks.
    for (const [id, version] of [
      [C1, 1],
      [C2, 0],
    ] as const)
      await driver.run(
        `INSERT INTO customers (id, name, created_at, updated_at, row_version) VALUES (?, 'x', 't', 't', ?)`,
        [id, version],
      );
    await driver.run(`INSERT INTO server_rows VALUES ('customers', ?, ?)`, [C1, JSON.stringify(known)]);
    // And a row with a pending change but nothing visible: made and deleted here.
    await driver.run(
      `INSERT INTO outbox (user_id, device_id, entity, entity_id, op, client_updated_at, event_uuid)
       VALUES ('u', 'd', 'customers', ?, 'delete', 't', 'e1')`,
      [C3],
    );
    const store = await createSqlStore(driver);
    const kept = await store.transaction((tx) => tx.getServerRows('customers', [C1, C2, C3]));
    expect(kept).toEqual(
      new Map<string, unknown>([
        [C1, known],
        [C2, null],
        [C3, null],
      ]),
    );
    await store.close();
  });

  it('refuses a database written by a newer app version', async () => {
    const file = join(dir, 'future.db');
    const db = new Database(file);
    db.pragma('user_version = 99');
    db.close();
    await expect(openSqliteStore(file)).rejects.toThrow(/schema version 99/);
  });
});
