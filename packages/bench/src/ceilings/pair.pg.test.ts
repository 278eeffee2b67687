import { createTestDatabase, type TestDb } from '@storesync/db/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inProcessDevice } from '../clients.ts';
import { newCustomerEvents } from '../events.ts';
import { copyFrom, copyText } from './copy.ts';
import { createCopyCeilings } from './pair.ts';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

const count = async (sql: string, params: unknown[]) =>
  Number((await t.db.sql.query<{ n: string }>(sql, params))[0]?.n);

describe('createCopyCeilings', () => {
  it('copies the rows a push wrote under fresh ids, the entity row and its event alike', async () => {
    const device = await inProcessDevice(t.db, 'copy@example.com', 'copy-device');
    const pushed = await device.push(newCustomerEvents(1));
    const userId = (
      await t.db.sql.query<{ user_id: string }>('SELECT user_id::text FROM sessions WHERE device_id = $1', [
        'copy-device',
      ])
    )[0]?.user_id;
    const copy = await createCopyCeilings(t.url, 'copy-device');
    try {
      expect(await copy.pairs(1000, 500)).toBeGreaterThan(0);
      expect(await copy.events(500, 500)).toBeGreaterThan(0);
      expect(await copy.grow(250, 100, Number.POSITIVE_INFINITY)).toBe(250);
    } finally {
      await copy.close();
    }
    expect(await count('SELECT count(*) AS n FROM customers WHERE user_id = $1', [userId])).toBe(1251);
    expect(await count('SELECT count(*) AS n FROM sync_events WHERE user_id = $1', [userId])).toBe(1751);
    // The ids were replaced everywhere: each copied row's event names it in its payload, no two
    // events share a uuid, and no row but the pushed one carries the pushed event's uuid (in its clocks).
    const orphans = await count(
      `SELECT count(*) AS n FROM customers c WHERE c.user_id = $1 AND NOT EXISTS (
         SELECT 1 FROM sync_events e WHERE e.user_id = c.user_id AND e.entity_id = c.id
           AND e.payload->>'id' = c.id::text)`,
      [userId],
    );
    expect(orphans).toBe(0);
    expect(
      await count('SELECT count(DISTINCT event_uuid) AS n FROM sync_events WHERE user_id = $1', [userId]),
    ).toBe(1751);
    const pushedUuid = pushed.results[0]?.eventUuid;
    expect(pushedUuid).toBeDefined();
    expect(
      await count(
        `SELECT count(*) AS n FROM customers WHERE user_id = $1 AND clocks::text LIKE '%' || $2 || '%'`,
        [userId, pushedUuid],
      ),
    ).toBeLessThanOrEqual(1);
  });

  it('rejects a COPY the server refuses, and the connection goes on', async () => {
    const client = new pg.Client({ connectionString: t.url });
    await client.connect();
    try {
      await client.query('CREATE TEMP TABLE t (n int NOT NULL)');
      await expect(copyFrom(client, 'COPY t (n) FROM STDIN', '1\nnot a number\n')).rejects.toThrow(
        /invalid input syntax/,
      );
      await copyFrom(client, 'COPY t (n) FROM STDIN', '1\n2\n3\n');
      expect((await client.query('SELECT sum(n)::int AS s FROM t')).rows[0]).toEqual({ s: 6 });
    } finally {
      await client.end();
    }
  });

  it("writes text with COPY's special characters, and null, as they are", async () => {
    const client = new pg.Client({ connectionString: t.url });
    await client.connect();
    try {
      await client.query('CREATE TEMP TABLE s (i int, v text)');
      const odd = 'tab\there, a\\backslash,\nnewline and \r';
      await copyFrom(client, 'COPY s (i, v) FROM STDIN', `1\t${copyText(odd)}\n2\t${copyText(null)}\n`);
      expect((await client.query('SELECT i, v FROM s ORDER BY i')).rows).toEqual([
        { i: 1, v: odd },
        { i: 2, v: null },
      ]);
    } finally {
      await client.end();
    }
  });
});
