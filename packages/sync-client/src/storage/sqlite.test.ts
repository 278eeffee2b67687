import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { LOCAL_MIGRATIONS, migrate } from '../local-schema.ts';
import { betterSqliteDriver, openSqliteStore } from './sqlite.ts';
import { storeContract } from './store-suite.ts';

storeContract('openSqliteStore', () => openSqliteStore(':memory:'));

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
    await migrate(driver);
    const next = [
      ...LOCAL_MIGRATIONS,
      { version: 2, statements: ['ALTER TABLE customers ADD COLUMN email TEXT'] },
    ];
    expect(await migrate(driver, next)).toBe(2);
    const cols = await driver.all<{ name: string }>('PRAGMA table_info(customers)');
    expect(cols.map((c) => c.name)).toContain('email');
    const broken = [...next, { version: 3, statements: ['CREATE TABLE t (x)', 'NOT SQL'] }];
    await expect(migrate(driver, broken)).rejects.toThrow();
    expect(await driver.all('PRAGMA user_version')).toEqual([{ user_version: 2 }]);
    expect(await driver.all("SELECT name FROM sqlite_master WHERE name = 't'")).toEqual([]);
  });

  it('refuses a database written by a newer app version', async () => {
    const file = join(dir, 'future.db');
    const db = new Database(file);
    db.pragma('user_version = 99');
    db.close();
    await expect(openSqliteStore(file)).rejects.toThrow(/schema version 99/);
  });
});
