import type { SqlDb, SqlRunner } from '@storesync/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contextOfRequest } from './context.ts';
import { createTrpcHandler } from './http.ts';
import { createLogger } from './log.ts';
import { fastPull } from './pull-route.ts';
import { createRestHandlers } from './rest.ts';
import { createHarness, type Device, type Harness, iso, uuid } from './test/harness.ts';

let h: Harness;
let phone: Device;
const owner = 'page@example.com';

beforeAll(async () => {
  h = await createHarness('pg');
  // A device id that needs escaping in JSON, and every kind of row the log holds.
  phone = await h.device(owner, 'phone "A" \\ ☎ \t\u0001 😀 </x>');
  const customer = uuid();
  const t = Date.now();
  const r = await phone.api.sync.push({
    deviceId: phone.deviceId,
    events: [
      {
        eventUuid: uuid(),
        entity: 'customers',
        entityId: customer,
        op: 'upsert',
        payload: { name: 'Zoë "Z"', phone: null, note: 'línea\nnueva' },
        clientUpdatedAt: iso(t),
      },
      {
        eventUuid: uuid(),
        entity: 'debts',
        entityId: uuid(),
        op: 'upsert',
        payload: { customerId: customer, amount: 1250, dueDate: '2026-12-01' },
        clientUpdatedAt: iso(t),
      },
      {
        eventUuid: uuid(),
        entity: 'payments',
        entityId: uuid(),
        op: 'upsert',
        payload: { customerId: customer, amount: 1250, paidAt: iso(t) },
        clientUpdatedAt: iso(t),
      },
      {
        eventUuid: uuid(),
        entity: 'sales',
        entityId: uuid(),
        op: 'upsert',
        payload: {
          items: [{ name: 'Tea', quantity: 1.5, unitPrice: 200 }],
          total: 300,
          paidAmount: 300,
          soldAt: iso(t),
        },
        clientUpdatedAt: iso(t),
      },
      {
        eventUuid: uuid(),
        entity: 'customers',
        entityId: customer,
        op: 'delete',
        clientUpdatedAt: iso(t + 1),
      },
    ],
  });
  expect(r.results.every((x) => x.status === 'applied')).toBe(true);
});
afterAll(() => h.t.drop());

const bearer = () => ({ authorization: `Bearer ${phone.token}` });
const trpcGet = (input: unknown, headers: Record<string, string> = bearer()) =>
  h.http(`sync.pull?input=${encodeURIComponent(JSON.stringify(input))}`, { headers });

describe('sync.snapshot over HTTP, spliced from the rows PostgreSQL printed', () => {
  const snapshotGet = (input: unknown, headers: Record<string, string> = bearer()) =>
    h.http(`sync.snapshot?input=${encodeURIComponent(JSON.stringify(input))}`, { headers });

  it('is the procedure’s output, page by page, through tRPC and plain HTTP, whole or one entity', async () => {
    const rest = createRestHandlers({ getDb: async () => h.t.db, config: h.config });
    for (const entity of [undefined, 'sales'] as const) {
      let after: string | undefined;
      let rows = 0;
      do {
        const input = { limit: 1, ...(after && { after }), ...(entity && { entity }) };
        const expected = await phone.api.sync.snapshot(input);
        expect(await (await snapshotGet(input)).json()).toEqual({ result: { data: expected } });
        const query = new URLSearchParams(Object.entries(input).map(([k, v]) => [k, String(v)]));
        const viaRest = await rest.snapshot(
          new Request(`http://x/sync/snapshot?${query}`, { headers: bearer() }),
        );
        expect(await viaRest.json()).toEqual(expected);
        rows += expected.rows.length;
        if (entity) expect(expected.rows.every((r) => r.entity === entity)).toBe(true);
        after = expected.next ?? undefined;
      } while (after);
      // The deleted customer is a tombstone the snapshot still carries.
      expect(rows).toBe(entity ? 1 : 4);
    }
  });

  it('answers bad input and a missing session as the procedure does', async () => {
    const bad = await snapshotGet({ after: 'nothing:00000000-0000-0000-0000-000000000000' });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toMatch(/after: not a page's next/);
    const mixed = await snapshotGet({ after: 'debts:00000000-0000-0000-0000-000000000000', entity: 'sales' });
    expect(mixed.status).toBe(400);
    expect((await snapshotGet({ limit: 5001 })).status).toBe(400);
    expect((await snapshotGet({}, {})).status).toBe(401);
  });
});

describe('sync.pull over HTTP, spliced from the stored rows', () => {
  it('is the procedure’s output, page by page, through tRPC and plain HTTP', async () => {
    const rest = createRestHandlers({ getDb: async () => h.t.db, config: h.config });
    for (const [cursor, limit] of [
      [0, 2],
      [2, 2],
      [4, 2],
      [0, 1000],
      [5, 10],
    ] as const) {
      const expected = await phone.api.sync.pull({ cursor, limit });
      const viaTrpc = await (await trpcGet({ cursor, limit })).json();
      expect(viaTrpc).toEqual({ result: { data: expected } });
      const viaRest = await (
        await rest.pull(
          new Request(`http://x/sync/pull?cursor=${cursor}&limit=${limit}`, { headers: bearer() }),
        )
      ).json();
      expect(viaRest).toEqual(expected);
    }
  });

  it('tells how many events follow the page when asked, the same on every door', async () => {
    const rest = createRestHandlers({ getDb: async () => h.t.db, config: h.config });
    for (const [cursor, limit, remaining] of [
      [0, 2, 3],
      [2, 2, 1],
      [0, 5, 0],
      [5, 10, 0],
    ] as const) {
      const expected = await phone.api.sync.pull({ cursor, limit, withRemaining: true });
      expect(expected.remaining).toBe(remaining);
      const viaTrpc = await (await trpcGet({ cursor, limit, withRemaining: true })).json();
      expect(viaTrpc).toEqual({ result: { data: expected } });
      const url = `http://x/sync/pull?cursor=${cursor}&limit=${limit}&withRemaining=true`;
      expect(await (await rest.pull(new Request(url, { headers: bearer() }))).json()).toEqual(expected);
    }
    // Not asked: the answer is as it always was.
    expect(await phone.api.sync.pull({ cursor: 0, limit: 2 })).not.toHaveProperty('remaining');
    const bad = await trpcGet({ cursor: 0, withRemaining: 'yes' });
    expect(bad.status).toBe(400);
  });

  it('takes the fast path for valid input, and fails as the procedure would otherwise', async () => {
    const opts = { getDb: async () => h.t.db, config: h.config };
    const ctx = (headers: Record<string, string>) =>
      contextOfRequest(opts, new Request('http://x/', { headers }));
    const ok = await fastPull(await ctx(bearer()), { cursor: 0 });
    expect(JSON.parse(ok ?? '').events).toHaveLength(5);
    expect(await fastPull(await ctx(bearer()), { cursor: -1 })).toBeNull();
    expect(
      JSON.parse((await fastPull(await ctx(bearer()), { cursor: 0, limit: 5000 })) ?? '').events,
    ).toHaveLength(5);
    expect(await fastPull(await ctx(bearer()), { cursor: 0, limit: 5001 })).toBeNull();
    await expect(fastPull(await ctx({}), { cursor: 0 })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(fastPull(await ctx({ authorization: 'Bearer nope' }), { cursor: 0 })).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
  });

  it('answers a fault with 500 and logs it with its stack, never running the pull again', async () => {
    // The database fails the first pull transaction only: a retry behind the caller's back would succeed.
    let attempts = 0;
    const real = h.t.db.sql;
    const sql: SqlDb = {
      query: real.query,
      transaction: async <T>(fn: (tx: SqlRunner) => Promise<T>) => {
        attempts += 1;
        if (attempts === 1) throw new Error('disk on fire');
        return real.transaction(fn);
      },
    };
    const flaky = new Proxy(h.t.db, { get: (db, key) => (key === 'sql' ? sql : Reflect.get(db, key)) });
    const lines: Record<string, unknown>[] = [];
    const logger = createLogger({ destination: { write: (l: string) => lines.push(JSON.parse(l)) } });
    const handler = createTrpcHandler({
      endpoint: '/api/trpc',
      getDb: async () => flaky,
      config: h.config,
      logger,
    });
    const res = await handler(
      new Request(`http://x/api/trpc/sync.pull?input=${encodeURIComponent('{"cursor":0}')}`, {
        headers: bearer(),
      }),
    );
    expect(res.status).toBe(500);
    expect((await res.json()).error.data.code).toBe('INTERNAL_SERVER_ERROR');
    expect(attempts).toBe(1);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ route: 'sync.pull', status: 500, err: { message: 'disk on fire' } });
    expect(JSON.stringify(lines[0]?.err)).toContain('pull-route.pg.test.ts');

    const rest = createRestHandlers({ getDb: async () => flaky, config: h.config, logger });
    attempts = 0;
    const viaRest = await rest.pull(new Request('http://x/sync/pull?cursor=0', { headers: bearer() }));
    expect(viaRest.status).toBe(500);
    expect(attempts).toBe(1);
  });

  it('leaves errors to the procedure: tRPC codes, never a 5xx', async () => {
    const unauth = await trpcGet({ cursor: 0 }, {});
    expect(unauth.status).toBe(401);
    expect((await unauth.json()).error.data.code).toBe('UNAUTHORIZED');
    const bad = await trpcGet({ cursor: 'x' });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toMatch(/cursor/);
  });

  it('shows another store none of this store’s events', async () => {
    const other = await h.device('other-page@example.com');
    const res = await trpcGet({ cursor: 0 }, { authorization: `Bearer ${other.token}` });
    expect((await res.json()).result.data).toEqual({ events: [], cursor: 0, hasMore: false });
  });
});
