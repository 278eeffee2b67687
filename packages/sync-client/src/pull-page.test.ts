import type { Entity, EntityRow, PulledEvent, PullOutput } from '@storesync/schema';
import { describe, expect, it } from 'vitest';
import { createMemoryStore } from './storage/memory.ts';
import { openSqliteStore } from './storage/sqlite.ts';
import type { Store } from './storage/types.ts';
import {
  createScriptedApi,
  createTestClient,
  httpError,
  pulled,
  SERVER_TIME,
  serverRow,
} from './test/fake-api.ts';

const id = (n: number) => `00000000-0000-4000-9000-${n.toString().padStart(12, '0')}`;
const customer = (n: number, name: string, rowVersion = 1, note: string | null = null) =>
  serverRow(id(n), { name, phone: null, note, language: null }, rowVersion);
const tombstone = (row: EntityRow, at = SERVER_TIME) => ({ ...row, updatedAt: at, deletedAt: at });

/** A server whose log grows a page per `publish`; pushes fail while `down`. */
function pagedServer() {
  const pages: PulledEvent[][] = [];
  let eventId = 0;
  const state = { down: false };
  const server = createScriptedApi({
    push: (events) => {
      if (state.down) throw httpError(500, 'INTERNAL_SERVER_ERROR');
      return events.map((e) => ({ eventUuid: e.eventUuid, status: 'applied' }));
    },
    pull: (cursor): PullOutput => {
      const rest = pages.filter((p) => (p[0]?.eventId ?? 0) > cursor);
      const events = rest[0] ?? [];
      return { events, cursor: events.at(-1)?.eventId ?? cursor, hasMore: rest.length > 1 };
    },
  });
  const publish = (...rows: [Entity, EntityRow][]) => {
    pages.push(rows.map(([entity, row]) => pulled(++eventId, entity, row)));
  };
  return { ...server, state, publish };
}

const kept = (store: Store, ...ns: number[]) =>
  store.transaction(async (tx) => [...(await tx.getServerRows('customers', ns.map(id))).values()]);

describe.each([
  ['memory', async () => createMemoryStore()],
  ['SQLite', () => openSqliteStore(':memory:')],
])('a pulled page, on the %s store', (_, open: () => Promise<Store>) => {
  it('rebases the rows with pending edits and writes the others as the server sent them', async () => {
    const server = pagedServer();
    server.publish(['customers', customer(1, 'Amina')], ['customers', customer(2, 'Baraka')]);
    const { client, store } = await createTestClient(server.api, await open());
    await client.syncNow();
    await client.customers.update(id(1), { note: 'owes for rice' });
    server.state.down = true;
    server.publish(
      ['customers', customer(1, 'Amina W.', 2)],
      ['customers', customer(2, 'Baraka O.', 2, 'from the web')],
      ['customers', customer(3, 'Chala')],
    );
    await expect(client.syncNow()).rejects.toThrow('INTERNAL_SERVER_ERROR');
    const [mine, ...others] = await client.customers.list();
    expect(mine).toMatchObject({ name: 'Amina W.', note: 'owes for rice', rowVersion: 2 });
    expect(mine?.updatedByDeviceId).toBe('device-a');
    expect(others).toEqual([customer(2, 'Baraka O.', 2, 'from the web'), customer(3, 'Chala')]);
    // Only the edited row keeps the server's row aside, and it is the pulled one.
    expect(await kept(store, 1, 2, 3)).toEqual([customer(1, 'Amina W.', 2)]);

    server.state.down = false;
    server.publish(['customers', customer(1, 'Amina W.', 3, 'owes for rice')]);
    await client.syncNow();
    expect(await client.customers.get(id(1))).toEqual(customer(1, 'Amina W.', 3, 'owes for rice'));
    expect(await kept(store, 1)).toEqual([]);
  });

  it('skips an entity it does not know and writes the rest of the page', async () => {
    const server = pagedServer();
    server.publish(
      ['customers', customer(1, 'before')],
      ['invoices' as Entity, customer(2, 'from a newer server')],
      ['customers', customer(3, 'after')],
    );
    const { client, store } = await createTestClient(server.api, await open());
    await client.syncNow();
    expect((await client.customers.list({ includeDeleted: true })).map((r) => r.name)).toEqual([
      'before',
      'after',
    ]);
    expect(await store.transaction(async (tx) => (await tx.getState()).lastServerEventId)).toBe(3);
  });

  it('writes tombstones, of rows it holds, rows it never saw, and rows with a pending edit', async () => {
    const server = pagedServer();
    server.publish(['customers', customer(1, 'Amina')], ['customers', customer(2, 'Baraka')]);
    const { client, store } = await createTestClient(server.api, await open());
    await client.syncNow();
    await client.customers.update(id(2), { note: 'edited before the delete' });
    server.state.down = true;
    // Deleted on the web after this device's edit: the edit does not revive it (the server would not).
    const later = '2030-06-01T00:00:00.000Z';
    server.publish(
      ['customers', tombstone(customer(1, 'Amina', 2))],
      ['customers', tombstone(customer(2, 'Baraka', 2), later)],
      ['customers', tombstone(customer(3, 'never seen', 4))],
    );
    await expect(client.syncNow()).rejects.toThrow('INTERNAL_SERVER_ERROR');
    const rows = await client.customers.list({ includeDeleted: true });
    expect(rows.map((r) => [r.name, r.note, r.deletedAt, r.rowVersion])).toEqual([
      ['Amina', null, SERVER_TIME, 2],
      ['Baraka', 'edited before the delete', later, 2],
      ['never seen', null, SERVER_TIME, 4],
    ]);
    expect(await client.customers.list()).toEqual([]);
    expect(await kept(store, 1, 2, 3)).toEqual([tombstone(customer(2, 'Baraka', 2), later)]);
  });

  it('keeps the later of two events for one id in a page, with or without a pending edit', async () => {
    const server = pagedServer();
    server.publish(['customers', customer(1, 'Amina')]);
    const { client, store } = await createTestClient(server.api, await open());
    await client.syncNow();
    await client.customers.update(id(1), { note: 'mine' });
    server.state.down = true;
    server.publish(
      ['customers', customer(1, 'Amina v2', 2)],
      ['customers', customer(2, 'Baraka v1')],
      ['customers', customer(1, 'Amina v3', 3)],
      ['customers', customer(2, 'Baraka v2', 2)],
      // An older version after a newer one (as when a push result came first) moves nothing back.
      ['customers', customer(3, 'Chala v5', 5)],
      ['customers', customer(3, 'Chala v4', 4)],
    );
    await expect(client.syncNow()).rejects.toThrow('INTERNAL_SERVER_ERROR');
    expect((await client.customers.list()).map((r) => [r.name, r.note, r.rowVersion])).toEqual([
      ['Amina v3', 'mine', 3],
      ['Baraka v2', null, 2],
      ['Chala v5', null, 5],
    ]);
    expect(await kept(store, 1, 2, 3)).toEqual([customer(1, 'Amina v3', 3)]);
  });
});
