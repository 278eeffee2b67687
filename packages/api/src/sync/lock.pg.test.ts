import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDb } from '@storesync/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lockStore } from './lock.ts';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDatabase({ poolSize: 4 });
  await t.db.sql.query('CREATE TABLE lock_probe (n int)');
}, 120_000);
afterAll(() => t.drop());

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('lockStore', () => {
  it('holds the store from the first statement until commit; other stores pass', async () => {
    const store = randomUUID();
    const order: string[] = [];
    let release: () => void = () => {};
    const held = new Promise<void>((r) => {
      release = r;
    });
    const first = t.db.sql.transaction(async (tx) => {
      await lockStore(tx, store);
      order.push('first locked');
      await held;
      await tx.query('INSERT INTO lock_probe VALUES (1)');
      order.push('first done');
    });
    while (order.length === 0) await sleep(5);
    const second = t.db.sql.transaction(async (tx) => {
      await lockStore(tx, store);
      order.push('second locked');
      return tx.query<{ n: number }>('SELECT count(*)::int AS n FROM lock_probe');
    });
    await t.db.sql.transaction((tx) => lockStore(tx, randomUUID()));
    await sleep(200);
    expect(order).toEqual(['first locked']);
    release();
    const [, seen] = await Promise.all([first, second]);
    expect(order).toEqual(['first locked', 'first done', 'second locked']);
    // The second's snapshot is taken after the lock: it sees the first's commit.
    expect(seen).toEqual([{ n: 1 }]);
  });

  it('rolls back what the transaction wrote when it fails after the lock, and frees the store', async () => {
    const store = randomUUID();
    await expect(
      t.db.sql.transaction(async (tx) => {
        await lockStore(tx, store);
        await tx.query('INSERT INTO lock_probe VALUES (2)');
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await t.db.sql.query('SELECT * FROM lock_probe WHERE n = 2')).toEqual([]);
    await t.db.sql.transaction((tx) => lockStore(tx, store));
  });
});
