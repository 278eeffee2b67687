import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createHarness,
  type DbKind,
  type Device,
  deleteEvent,
  type Harness,
  iso,
  type OpenTestDb,
  upsertEvent,
  uuid,
} from '../test/harness.ts';

const T0 = Date.parse('2026-01-01T00:00:00.000Z');

/**
 * The push/pull/merge rules of docs/protocol.md, run against one database kind, or a
 * database the caller opens (named by `kind` in the test titles).
 */
export function syncSuite(kind: DbKind | string, open?: OpenTestDb) {
  let h: Harness;
  let a: Device;
  let a2: Device;
  let n = 0;
  const push = (d: Device, events: unknown[]) => d.api.sync.push({ deviceId: d.deviceId, events });
  const pullAll = async (d: Device, cursor = 0) => {
    const out = [];
    for (;;) {
      const page = await d.api.sync.pull({ cursor, limit: 7 });
      out.push(...page.events);
      cursor = page.cursor;
      if (!page.hasMore) return { events: out, cursor };
    }
  };
  const freshStore = async () => {
    n += 1;
    return [
      await h.device(`store${n}@example.com`, 'phone-a'),
      await h.device(`store${n}@example.com`, 'phone-b'),
    ];
  };

  beforeAll(async () => {
    h = await createHarness(open ?? (kind as DbKind));
    [a, a2] = (await freshStore()) as [Device, Device];
  }, 60_000);
  afterAll(() => h.t.drop());

  describe(`sync.push on ${kind}`, () => {
    it('creates a row and returns the canonical row with its event id', async () => {
      const id = uuid();
      const r = await push(a, [upsertEvent('customers', id, { name: 'Ada', phone: '555' }, T0)]);
      const [res] = r.results;
      expect(res?.status).toBe('applied');
      expect(res?.eventId).toBeTypeOf('number');
      expect(res?.row).toMatchObject({
        id,
        name: 'Ada',
        phone: '555',
        note: null,
        deletedAt: null,
        rowVersion: 1,
      });
      expect(res?.row?.updatedByDeviceId).toBe(a.deviceId);
      expect(res?.row?.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      expect(r.serverTime).toMatch(/Z$/);
    });

    it('keeps edits of different fields made offline on two devices, whichever syncs last', async () => {
      const id = uuid();
      await push(a, [upsertEvent('customers', id, { name: 'Bo', phone: '1', note: 'n' }, T0)]);
      await push(a2, [upsertEvent('customers', id, { phone: '2' }, T0 + 2000)]);
      const r = await push(a, [
        upsertEvent('customers', id, { name: 'Bob', phone: '1' }, T0 + 1000, { updatedFields: ['name'] }),
      ]);
      expect(r.results[0]?.status).toBe('applied');
      expect(r.results[0]?.row).toMatchObject({ name: 'Bob', phone: '2', note: 'n', rowVersion: 3 });
    });

    it('ignores an older write and returns the newer canonical row', async () => {
      const id = uuid();
      await push(a, [upsertEvent('customers', id, { name: 'New' }, T0 + 5000)]);
      const r = await push(a2, [upsertEvent('customers', id, { name: 'Old' }, T0)]);
      expect(r.results[0]).toMatchObject({ status: 'ignored', row: { name: 'New', rowVersion: 1 } });
      expect(r.results[0]?.eventId).toBeUndefined();
    });

    it('breaks equal timestamps by device id', async () => {
      const id = uuid();
      await push(a2, [upsertEvent('customers', id, { name: 'from b' }, T0)]);
      const r = await push(a, [upsertEvent('customers', id, { name: 'from a' }, T0)]);
      expect(r.results[0]?.status).toBe('ignored'); // 'phone-a' < 'phone-b'
    });

    it('clamps a clock more than 5 minutes ahead to the server time', async () => {
      const id = uuid();
      const r1 = await push(a, [upsertEvent('customers', id, { name: 'Future' }, Date.now() + 3_600_000)]);
      expect(r1.results[0]?.status).toBe('applied');
      // Were the hour-ahead clock kept, this edit a little later would lose.
      const r2 = await push(a2, [upsertEvent('customers', id, { name: 'Now' }, Date.now() + 1000)]);
      expect(r2.results[0]).toMatchObject({ status: 'applied', row: { name: 'Now' } });
    });

    it('keeps updatedAt at or past the newest clock the row holds, so clients can catch up to it', async () => {
      const id = uuid();
      const ahead = iso(Date.now() + 4 * 60_000);
      const r1 = await push(a, [upsertEvent('customers', id, { name: 'Fast' }, Date.parse(ahead))]);
      expect(r1.results[0]?.row?.updatedAt).toBe(ahead);
      const r2 = await push(a2, [upsertEvent('customers', id, { phone: '1' }, Date.now())]);
      expect(r2.results[0]?.row?.updatedAt).toBe(ahead);
      const r3 = await push(a2, [upsertEvent('customers', id, { name: 'Later' }, Date.parse(ahead) + 1)]);
      expect(r3.results[0]).toMatchObject({
        status: 'applied',
        row: { name: 'Later', updatedAt: iso(Date.parse(ahead) + 1) },
      });
    });

    it('tombstones, updates under the tombstone, revives, and ignores older deletes', async () => {
      const id = uuid();
      await push(a, [upsertEvent('customers', id, { name: 'C', phone: '1' }, T0)]);
      const del = await push(a, [deleteEvent('customers', id, T0 + 100)]);
      expect(del.results[0]).toMatchObject({ status: 'applied', row: { deletedAt: iso(T0 + 100) } });
      const under = await push(a2, [upsertEvent('customers', id, { phone: '2' }, T0 + 50)]);
      expect(under.results[0]).toMatchObject({
        status: 'applied',
        row: { phone: '2', deletedAt: iso(T0 + 100) },
      });
      const olderDelete = await push(a2, [deleteEvent('customers', id, T0 + 20)]);
      expect(olderDelete.results[0]?.status).toBe('ignored');
      const revive = await push(a2, [upsertEvent('customers', id, { name: 'C2' }, T0 + 200)]);
      expect(revive.results[0]).toMatchObject({
        status: 'applied',
        row: { name: 'C2', phone: '2', deletedAt: null },
      });
      const lateDelete = await push(a, [deleteEvent('customers', id, T0 + 150)]);
      expect(lateDelete.results[0]?.status).toBe('ignored');
    });

    it('applies nothing twice: a replayed batch is duplicate with the original event ids', async () => {
      const id = uuid();
      const events = [
        upsertEvent('customers', id, { name: 'D' }, T0),
        upsertEvent('customers', id, { note: 'x' }, T0 + 1),
      ];
      const first = await push(a, events);
      const before = (await pullAll(a)).cursor;
      const again = await push(a, events);
      expect(again.results.map((r) => r.status)).toEqual(['duplicate', 'duplicate']);
      expect(again.results.map((r) => r.eventId)).toEqual(first.results.map((r) => r.eventId));
      expect(again.results[1]?.row).toMatchObject({ name: 'D', note: 'x', rowVersion: 2 });
      expect((await pullAll(a, before)).events).toEqual([]);
    });

    it('treats a repeated event uuid inside one batch as duplicate', async () => {
      const e = upsertEvent('customers', uuid(), { name: 'E' }, T0);
      const r = await push(a, [e, e]);
      expect(r.results.map((x) => x.status)).toEqual(['applied', 'duplicate']);
      expect(r.results[1]?.eventId).toBe(r.results[0]?.eventId);
    });

    it('rejects bad events one by one and applies the rest in order', async () => {
      const cust = uuid();
      const good1 = upsertEvent('customers', cust, { name: 'F', extra: 'dropped' }, T0);
      const bad = [
        upsertEvent('customers', uuid(), { name: '' }, T0),
        upsertEvent('widgets', uuid(), { name: 'x' }, T0),
        { ...upsertEvent('customers', uuid(), { name: 'x' }, T0), entityId: 'not-a-uuid' },
        { ...upsertEvent('customers', uuid(), { name: 'x' }, T0), clientUpdatedAt: 'yesterday' },
        { ...upsertEvent('customers', uuid(), { name: 'x' }, T0), op: 'merge' },
        upsertEvent('customers', uuid(), { name: 'nul\u0000byte' }, T0),
        upsertEvent('customers', uuid(), { phone: '1' }, T0),
        upsertEvent('debts', uuid(), { customerId: uuid(), amount: 100 }, T0),
        upsertEvent('debts', uuid(), { customerId: cust, amount: 1.5 }, T0),
        deleteEvent('customers', uuid(), T0),
        'not even an object',
      ];
      const good2 = upsertEvent(
        'debts',
        uuid(),
        { customerId: cust, amount: 250, dueDate: '2026-02-01' },
        T0,
      );
      const r = await push(a, [good1, ...bad, good2]);
      expect(r.results.map((x) => x.status)).toEqual(['applied', ...bad.map(() => 'rejected'), 'applied']);
      expect(r.results[0]?.row).not.toHaveProperty('extra');
      expect(r.results.slice(1, -1).map((x) => x.error?.code)).toEqual([
        'INVALID_PAYLOAD',
        'INVALID_EVENT',
        'INVALID_EVENT',
        'INVALID_EVENT',
        'INVALID_EVENT',
        'INVALID_PAYLOAD',
        'MISSING_FIELDS',
        'NOT_FOUND',
        'INVALID_PAYLOAD',
        'NOT_FOUND',
        'INVALID_EVENT',
      ]);
      expect(r.results[1]?.error?.message).toContain('payload.name');
      expect(r.results[3]?.error?.message).toContain('entityId');
      expect(r.results.at(-1)?.row).toMatchObject({
        customerId: cust,
        amount: 250,
        dueDate: '2026-02-01',
        note: null,
      });
    });

    it('stores payments and sales with their items, and normalises timestamps to UTC', async () => {
      const cust = uuid();
      const debt = uuid();
      const items = [
        { name: 'Rice', quantity: 2, unitPrice: 150 },
        { name: 'Oil', quantity: 0.5, unitPrice: 900 },
      ];
      const r = await push(a, [
        upsertEvent('customers', cust, { name: 'G' }, T0),
        upsertEvent('debts', debt, { customerId: cust, amount: 1000 }, T0),
        upsertEvent(
          'payments',
          uuid(),
          { customerId: cust, debtId: debt, amount: 400, paidAt: '2026-01-02T03:04:05+02:00' },
          T0,
        ),
        upsertEvent(
          'sales',
          uuid(),
          { customerId: null, items, total: 750, paidAmount: 750, soldAt: '2026-01-02T10:00:00Z' },
          T0,
        ),
        upsertEvent('payments', uuid(), { customerId: cust, debtId: uuid(), amount: 1, paidAt: iso(T0) }, T0),
      ]);
      expect(r.results.map((x) => x.status)).toEqual([
        'applied',
        'applied',
        'applied',
        'applied',
        'rejected',
      ]);
      expect(r.results[2]?.row).toMatchObject({
        debtId: debt,
        amount: 400,
        paidAt: '2026-01-02T01:04:05.000Z',
      });
      expect(r.results[3]?.row).toMatchObject({
        items,
        total: 750,
        soldAt: '2026-01-02T10:00:00.000Z',
        customerId: null,
      });
      const pulled = (await pullAll(a)).events.find((e) => e.entityId === r.results[3]?.row?.id);
      expect(pulled?.row).toEqual(r.results[3]?.row);
    });

    it('refuses a push for another device than the session’s', async () => {
      await expect(
        a.api.sync.push({ deviceId: 'someone-else', events: [deleteEvent('customers', uuid(), T0)] }),
      ).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
    });

    it('gives every change a strictly larger rowVersion', async () => {
      const id = uuid();
      const r = await push(a, [
        upsertEvent('customers', id, { name: 'H' }, T0),
        upsertEvent('customers', id, { name: 'H2' }, T0 + 1),
        deleteEvent('customers', id, T0 + 2),
        upsertEvent('customers', id, { name: 'H3' }, T0 + 3),
      ]);
      expect(r.results.map((x) => x.row?.rowVersion)).toEqual([1, 2, 3, 4]);
    });

    it('leaves the same rows whatever order the same events arrive in', async () => {
      const [p, q] = (await freshStore()) as [Device, Device];
      const [x, y] = (await freshStore()) as [Device, Device];
      const id = uuid();
      const create = upsertEvent('customers', id, { name: 'base', phone: '0', note: null }, T0);
      const edits = [
        upsertEvent('customers', id, { name: 'n1' }, T0 + 30),
        upsertEvent('customers', id, { phone: 'p1', note: 'a' }, T0 + 10),
        deleteEvent('customers', id, T0 + 40),
        upsertEvent('customers', id, { note: 'b' }, T0 + 20),
        deleteEvent('customers', id, T0 + 5),
        upsertEvent('customers', id, { phone: 'p2' }, T0 + 50),
      ];
      // Same device ids in both stores, so every event has the same clock in both.
      const apply = async (d1: Device, d2: Device, order: number[]) => {
        await push(d1, [create]);
        let last: unknown;
        for (const i of order) last = (await push(i % 2 ? d2 : d1, [edits[i]])).results[0]?.row;
        return last;
      };
      await apply(p, q, [0, 1, 2, 3, 4, 5]);
      await apply(x, y, [5, 3, 1, 4, 2, 0]);
      const state = async (d: Device) => {
        const rows = (await pullAll(d)).events.filter((e) => e.entityId === id);
        const row = rows.at(-1)?.row;
        return { name: row?.name, phone: row?.phone, note: row?.note, deletedAt: row?.deletedAt };
      };
      const s1 = await state(p);
      expect(s1).toEqual({ name: 'n1', phone: 'p2', note: 'b', deletedAt: null });
      expect(await state(x)).toEqual(s1);
    });
  });

  describe(`sync.pull on ${kind}`, () => {
    it('pages through the log by cursor, ascending, with each row as of its event', async () => {
      const [d] = (await freshStore()) as [Device];
      const id = uuid();
      const r = await push(d, [
        upsertEvent('customers', id, { name: 'v1' }, T0),
        upsertEvent('customers', id, { name: 'v2' }, T0 + 1),
        deleteEvent('customers', id, T0 + 2),
      ]);
      const page1 = await d.api.sync.pull({ cursor: 0, limit: 2 });
      expect(page1.hasMore).toBe(true);
      expect(page1.events.map((e) => e.row.name)).toEqual(['v1', 'v2']);
      expect(page1.cursor).toBe(r.results[1]?.eventId);
      const page2 = await d.api.sync.pull({ cursor: page1.cursor, limit: 2 });
      expect(page2).toMatchObject({ hasMore: false, cursor: r.results[2]?.eventId });
      expect(page2.events[0]).toMatchObject({
        op: 'delete',
        entity: 'customers',
        entityId: id,
        deviceId: d.deviceId,
      });
      expect(page2.events[0]?.row.deletedAt).toBe(iso(T0 + 2));
      expect(page2.events[0]?.serverReceivedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      const empty = await d.api.sync.pull({ cursor: page2.cursor });
      expect(empty).toEqual({ events: [], cursor: page2.cursor, hasMore: false });
    });

    it('returns what another device of the store pushed, and nothing of other stores', async () => {
      const [d1, d2] = (await freshStore()) as [Device, Device];
      const id = uuid();
      await push(d1, [upsertEvent('customers', id, { name: 'shared' }, T0)]);
      const seen = (await pullAll(d2)).events;
      expect(seen.map((e) => e.entityId)).toEqual([id]);
    });

    it('rejects a negative cursor or a limit over 5000', async () => {
      await expect(a.api.sync.pull({ cursor: -1 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
      await expect(a.api.sync.pull({ cursor: 0, limit: 5000 })).resolves.toMatchObject({ hasMore: false });
      await expect(a.api.sync.pull({ cursor: 0, limit: 5001 })).rejects.toMatchObject({
        code: 'BAD_REQUEST',
      });
    });
  });
}
