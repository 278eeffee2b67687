import { describe, expect, it } from 'vitest';
import { serverRow } from '../test/fake-api.ts';
import type { NewOutboxItem, Store } from './types.ts';

const C1 = '11111111-1111-4111-8111-111111111111';
const C2 = '22222222-2222-4222-8222-222222222222';
const C3 = '33333333-3333-4333-8333-333333333333';
const item = (entityId: string, eventUuid: string): NewOutboxItem => ({
  userId: 'u',
  deviceId: 'd',
  entity: 'customers',
  entityId,
  op: 'upsert',
  payload: { name: 'X', note: null },
  updatedFields: ['name', 'note'],
  clientUpdatedAt: '2030-01-01T00:00:00.000Z',
  eventUuid,
});
const customer = (id: string, createdAt: string) => ({
  ...serverRow(id, { name: 'C', phone: null, note: null, language: null }),
  createdAt,
});

/** What every `Store` adapter must do; run by each adapter's test file. */
export function storeContract(name: string, open: () => Promise<Store>) {
  describe(`${name}: the Store contract`, () => {
    it('keeps visible rows and server rows apart, lists by createdAt then id, tombstones included', async () => {
      const store = await open();
      await store.transaction(async (tx) => {
        await tx.putRows('customers', [
          { ...customer(C2, '2030-01-01T00:00:00.000Z'), deletedAt: '2030-01-02T00:00:00.000Z' },
          customer(C1, '2030-01-01T00:00:00.000Z'),
        ]);
        await tx.putServerRows(
          'customers',
          new Map([
            [C1, serverRow(C1, { name: 'server', extra: [1] }, 4)],
            [C2, null],
          ]),
        );
      });
      const [list, one, server, none] = await store.transaction(async (tx) => [
        await tx.listRows('customers'),
        await tx.getRow('customers', C1),
        await tx.getServerRows('customers', [C1, C2, C3]),
        await tx.getServerRows('debts', [C1]),
      ]);
      expect(list.map((r) => r.id)).toEqual([C1, C2]);
      // The digest's reading: live rows only, id and version.
      const versions = await store.transaction(async (tx) => (await tx.liveVersions?.('customers')) ?? null);
      expect(versions).toEqual(
        list.filter((r) => r.deletedAt === null).map((r) => ({ id: r.id, rowVersion: r.rowVersion })),
      );
      expect(versions).toHaveLength(1);
      expect(list[1]?.deletedAt).toBe('2030-01-02T00:00:00.000Z');
      expect(one).toEqual(customer(C1, '2030-01-01T00:00:00.000Z'));
      expect([...server.keys()].sort()).toEqual([C1, C2]);
      expect(server.get(C1)).toMatchObject({ name: 'server', extra: [1], rowVersion: 4 });
      expect(server.get(C2)).toBeNull();
      expect(none.size).toBe(0);
      await store.transaction(async (tx) => {
        await tx.deleteRows('customers', [C1, C3]);
        await tx.deleteServerRows('customers', [C1]);
      });
      const after = await store.transaction(async (tx) => ({
        rows: (await tx.listRows('customers')).map((r) => r.id),
        server: [...(await tx.getServerRows('customers', [C1, C2])).keys()],
      }));
      expect(after).toEqual({ rows: [C2], server: [C2] });
      await store.close();
    });

    it('writes many rows at once, and only newer versions where asked', async () => {
      const store = await open();
      const ids = Array.from(
        { length: 300 },
        (_, n) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
      );
      const row = (id: string, rowVersion: number) => ({
        ...customer(id, 't'),
        name: `v${rowVersion}`,
        rowVersion,
      });
      await store.transaction((tx) =>
        tx.putRows(
          'customers',
          ids.map((id) => row(id, 2)),
        ),
      );
      await store.transaction((tx) =>
        tx.putRowsIfNewer('customers', [row(C1, 1), ...ids.map((id, n) => row(id, n % 3 === 0 ? 3 : 2))]),
      );
      const names = await store.transaction(async (tx) =>
        (await tx.listRows('customers')).map((r) => r.name),
      );
      expect(names.filter((n) => n === 'v3')).toHaveLength(100);
      expect(names.filter((n) => n === 'v2')).toHaveLength(200);
      expect(names.filter((n) => n === 'v1')).toHaveLength(1);
      await store.transaction((tx) => tx.deleteRows('customers', ids.slice(0, 299)));
      expect(await store.transaction(async (tx) => (await tx.listRows('customers')).length)).toBe(2);
      await store.close();
    });

    it('stores JSON fields (sale items) and money as numbers', async () => {
      const store = await open();
      const sale = serverRow(C1, {
        customerId: null,
        items: [{ name: 'rice', quantity: 1.5, unitPrice: 250 }],
        total: 375,
        paidAmount: 0,
        soldAt: '2030-01-01T10:00:00.000Z',
        note: null,
      });
      await store.transaction((tx) => tx.putRows('sales', [sale]));
      expect(await store.transaction((tx) => tx.getRow('sales', C1))).toEqual(sale);
      await store.close();
    });

    it('keeps the outbox in order, filtered by status and row, and counts it', async () => {
      const store = await open();
      const added = await store.transaction(async (tx) => [
        await tx.addOutbox(item(C1, 'e1')),
        await tx.addOutbox(item(C2, 'e2')),
        await tx.addOutbox(item(C1, 'e3')),
      ]);
      expect(added.map((i) => [i.status, i.retryCount, i.lastError])).toEqual([
        ['pending', 0, null],
        ['pending', 0, null],
        ['pending', 0, null],
      ]);
      await store.transaction((tx) =>
        tx.updateOutbox(added[0]?.id ?? 0, { status: 'error', lastError: 'bad' }),
      );
      // More ids than one SQL `IN` list holds, C1's first and C2's last: still oldest first.
      const many = [C1, ...Array.from({ length: 600 }, (_, n) => `other-${n}`), C2];
      const [pending, forC1, forMany, first, errors, count] = await store.transaction(async (tx) => [
        await tx.listOutbox({ status: 'pending' }),
        await tx.listOutbox({ status: 'pending', entity: 'customers', entityIds: [C1] }),
        await tx.listOutbox({ status: 'pending', entity: 'customers', entityIds: many }),
        await tx.listOutbox({ status: 'pending', limit: 1 }),
        await tx.listOutbox({ status: 'error' }),
        await tx.countOutbox('pending'),
      ]);
      expect(pending.map((i) => i.eventUuid)).toEqual(['e2', 'e3']);
      expect(forC1.map((i) => i.eventUuid)).toEqual(['e3']);
      expect(forMany.map((i) => i.eventUuid)).toEqual(['e2', 'e3']);
      expect(first.map((i) => i.eventUuid)).toEqual(['e2']);
      expect(errors).toEqual([
        { ...item(C1, 'e1'), id: added[0]?.id, status: 'error', retryCount: 0, lastError: 'bad' },
      ]);
      expect(count).toBe(2);
      const [wrongStatus, deleted, again] = await store.transaction(async (tx) => [
        await tx.deleteOutbox(added[1]?.id ?? 0, 'error'),
        await tx.deleteOutbox(added[0]?.id ?? 0, 'error'),
        await tx.deleteOutbox(added[0]?.id ?? 0, 'error'),
      ]);
      expect([wrongStatus, deleted?.eventUuid, again]).toEqual([null, 'e1', null]);
      expect(await store.transaction((tx) => tx.listOutbox({ status: 'error' }))).toEqual([]);
      expect(await store.transaction((tx) => tx.countOutbox('pending'))).toBe(2);
      await store.close();
    });

    it('prunes settled items made before a time or beyond the newest few, and nothing else', async () => {
      const store = await open();
      const at = (day: number) => `2030-01-${String(day).padStart(2, '0')}T00:00:00.000Z`;
      const statuses = ['sent', 'sent', 'error', 'pending', 'sent', 'sent', 'sent', 'sent'] as const;
      await store.transaction(async (tx) => {
        for (const [n, status] of statuses.entries()) {
          const added = await tx.addOutbox({ ...item(C1, `e${n}`), clientUpdatedAt: at(n + 1) });
          await tx.updateOutbox(added.id, { status });
        }
        // Made on day 5 or later, and among the newest three sent: e5, e6, e7 stay; e4 is fourth.
        await tx.pruneSent({ madeBefore: at(5), keep: 3 });
      });
      const left = await store.transaction(async (tx) =>
        (await Promise.all((['sent', 'error', 'pending'] as const).map((s) => tx.listOutbox({ status: s }))))
          .flat()
          .map((i) => i.eventUuid),
      );
      expect(left).toEqual(['e5', 'e6', 'e7', 'e2', 'e3']);
      await store.transaction((tx) => tx.pruneSent({ madeBefore: at(8), keep: 10 }));
      expect(await store.transaction((tx) => tx.countOutbox('sent'))).toBe(1);
      await store.close();
    });

    it('keeps sync state, and reset forgets the book but not the device or its clock', async () => {
      const store = await open();
      expect(await store.transaction((tx) => tx.getState())).toEqual({
        userId: null,
        deviceId: null,
        lastServerEventId: 0,
        lastSyncAt: null,
        caughtUpAt: null,
        clock: null,
      });
      const state = {
        userId: 'u',
        deviceId: 'd',
        lastServerEventId: 42,
        lastSyncAt: 't',
        caughtUpAt: 't2',
        clock: 'c',
      };
      await store.transaction(async (tx) => {
        await tx.setState(state);
        await tx.putRows('customers', [customer(C1, 't')]);
        await tx.putServerRows('customers', new Map([[C1, customer(C1, 't')]]));
        await tx.addOutbox(item(C1, 'e1'));
      });
      expect(await store.transaction((tx) => tx.getState())).toEqual(state);
      await store.transaction((tx) => tx.reset());
      const after = await store.transaction(async (tx) => ({
        state: await tx.getState(),
        rows: await tx.listRows('customers'),
        server: (await tx.getServerRows('customers', [C1])).size,
        outbox: await tx.countOutbox('pending'),
      }));
      expect(after).toEqual({
        state: { ...state, userId: null, lastServerEventId: 0, lastSyncAt: null, caughtUpAt: null },
        rows: [],
        server: 0,
        outbox: 0,
      });
      await store.close();
    });

    it('rolls a failed transaction back entirely', async () => {
      const store = await open();
      await store.transaction((tx) => tx.putRows('customers', [customer(C1, 't')]));
      const failing = store.transaction(async (tx) => {
        await tx.putRows('customers', [{ ...customer(C1, 't'), name: 'changed' }, customer(C2, 't')]);
        await tx.putServerRows('customers', new Map([[C1, null]]));
        await tx.addOutbox(item(C2, 'e1'));
        await tx.setState({ lastServerEventId: 9 });
        throw new Error('crash');
      });
      await expect(failing).rejects.toThrow('crash');
      const after = await store.transaction(async (tx) => ({
        rows: (await tx.listRows('customers')).map((r) => r.name),
        server: (await tx.getServerRows('customers', [C1])).size,
        outbox: await tx.countOutbox('pending'),
        cursor: (await tx.getState()).lastServerEventId,
      }));
      expect(after).toEqual({ rows: ['C'], server: 0, outbox: 0, cursor: 0 });
      await store.close();
    });

    it('runs transactions one at a time', async () => {
      const store = await open();
      const log: string[] = [];
      const tx = (name: string) =>
        store.transaction(async (t) => {
          log.push(`${name} start`);
          await new Promise((r) => setTimeout(r, 5));
          await t.getState();
          log.push(`${name} end`);
        });
      await Promise.all([tx('a'), tx('b')]);
      expect(log).toEqual(['a start', 'a end', 'b start', 'b end']);
      await store.close();
    });
  });
}
