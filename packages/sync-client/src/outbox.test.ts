import type { PushEvent } from '@storesync/schema';
import { describe, expect, it } from 'vitest';
import { createMemoryStore } from './storage/memory.ts';
import type { Store } from './storage/types.ts';
import {
  createScriptedApi,
  createTestClient,
  httpError,
  networkError,
  pulled,
  serverRow,
} from './test/fake-api.ts';

const outbox = (store: Store) =>
  store.transaction(async (tx) => [
    ...(await tx.listOutbox({ status: 'pending' })),
    ...(await tx.listOutbox({ status: 'sent' })),
    ...(await tx.listOutbox({ status: 'error' })),
  ]);
const uuids = (events: PushEvent[][]) => events.flat().map((e) => e.eventUuid);

describe('local writes', () => {
  it('change the row and append its outbox item together', async () => {
    const { client, store } = await createTestClient(createScriptedApi().api);
    const c = await client.customers.create({ name: 'Amina' });
    await client.customers.update(c.id, { phone: '0700' });
    expect(await client.customers.get(c.id)).toMatchObject({
      name: 'Amina',
      phone: '0700',
      note: null,
      language: null,
    });
    expect(await outbox(store)).toMatchObject([
      {
        op: 'upsert',
        entityId: c.id,
        payload: { name: 'Amina', phone: null, note: null, language: null },
        status: 'pending',
      },
      { op: 'upsert', entityId: c.id, payload: { phone: '0700' }, updatedFields: ['phone'] },
    ]);
    expect(client.status.get().pending).toBe(2);
  });

  it('leave nothing behind when the outbox append fails', async () => {
    const inner = createMemoryStore();
    const store: Store = {
      close: inner.close,
      transaction: (fn) =>
        inner.transaction((tx) => fn({ ...tx, addOutbox: () => Promise.reject(new Error('disk full')) })),
    };
    const { client } = await createTestClient(createScriptedApi().api, store);
    await expect(client.customers.create({ name: 'Lost' })).rejects.toThrow('disk full');
    expect(await client.customers.list({ includeDeleted: true })).toEqual([]);
  });

  it('are validated by the shared schemas, and need an existing live row to change', async () => {
    const { client } = await createTestClient(createScriptedApi().api);
    await expect(client.customers.create({ name: '' })).rejects.toThrow();
    await expect(client.debts.create({ customerId: 'nope', amount: 5 })).rejects.toThrow();
    const c = await client.customers.create({ name: 'A' });
    await client.customers.delete(c.id);
    await expect(client.customers.update(c.id, { name: 'B' })).rejects.toThrow(/No customers row/);
    expect(await client.customers.get(c.id)).toBeNull();
  });
});

describe('push', () => {
  it('sends pending items oldest first, in batches of at most 500', async () => {
    const server = createScriptedApi();
    const { client, store } = await createTestClient(server.api);
    for (let i = 0; i < 1201; i++) await client.customers.create({ name: `c${i}` });
    await client.syncNow();
    expect(server.pushes.map((b) => b.length)).toEqual([500, 500, 201]);
    // All sent, and the outbox then keeps the newest 1,000 settled items.
    const items = await outbox(store);
    expect(uuids(server.pushes).slice(-1_000)).toEqual(items.map((i) => i.eventUuid));
    expect(items.every((i) => i.status === 'sent')).toBe(true);
    expect(client.status.get()).toMatchObject({ pending: 0, failed: 0, state: 'idle' });
  });

  it('takes the canonical row of applied and duplicate results as the row', async () => {
    const server = createScriptedApi({
      push: (events) =>
        events.map((e, i) => ({
          eventUuid: e.eventUuid,
          status: i === 0 ? 'applied' : 'duplicate',
          row: serverRow(e.entityId, { name: 'Canon', phone: null, note: 'merged', language: null }, 5),
        })),
    });
    const { client } = await createTestClient(server.api);
    const c = await client.customers.create({ name: 'Mine' });
    await client.syncNow();
    expect(await client.customers.get(c.id)).toMatchObject({ name: 'Canon', note: 'merged', rowVersion: 5 });
  });

  it('lets an ignored result correct the row, under edits made since that are still pending', async () => {
    let id = '';
    const server = createScriptedApi({
      push: async (events, call) => {
        if (call > 1) throw networkError();
        await client.customers.update(id, { phone: '999' });
        return events.map((e) => ({
          eventUuid: e.eventUuid,
          status: 'ignored',
          row: serverRow(e.entityId, { name: 'Newer on server', phone: '0', note: null, language: null }, 3),
        }));
      },
    });
    const { client } = await createTestClient(server.api);
    id = (await client.customers.create({ name: 'Old' })).id;
    await expect(client.syncNow()).rejects.toThrow();
    expect(await client.customers.get(id)).toMatchObject({ name: 'Newer on server', phone: '999' });
  });

  it('marks a rejected item failed for good, without blocking the items behind it', async () => {
    const server = createScriptedApi({
      push: (events) =>
        events.map((e) =>
          e.payload?.name === 'bad'
            ? {
                eventUuid: e.eventUuid,
                status: 'rejected',
                error: { code: 'INVALID_PAYLOAD', message: 'no' },
              }
            : { eventUuid: e.eventUuid, status: 'applied' },
        ),
    });
    const { client, store } = await createTestClient(server.api);
    await client.customers.create({ name: 'first' });
    const bad = await client.customers.create({ name: 'bad' });
    await client.customers.create({ name: 'behind' });
    await client.syncNow();
    expect((await outbox(store)).map((i) => [i.status, i.lastError])).toEqual([
      ['sent', null],
      ['sent', null],
      ['error', 'INVALID_PAYLOAD: no'],
    ]);
    // The server never had the row: it goes from the device too.
    expect(await client.customers.get(bad.id)).toBeNull();
    expect(client.status.get()).toMatchObject({ pending: 0, failed: 1 });
    await client.customers.create({ name: 'later' });
    await client.syncNow();
    expect(server.pushes.map((b) => b.length)).toEqual([3, 1]);
  });

  it('keeps items pending after a network failure and resends them with the same event uuids', async () => {
    const server = createScriptedApi({
      push: (events, call) => {
        if (call === 1) throw networkError();
        return events.map((e) => ({ eventUuid: e.eventUuid, status: 'applied' }));
      },
    });
    const { client, store } = await createTestClient(server.api);
    await client.customers.create({ name: 'A' });
    await client.customers.create({ name: 'B' });
    await expect(client.syncNow()).rejects.toThrow('fetch failed');
    expect((await outbox(store)).map((i) => [i.status, i.retryCount, i.lastError])).toEqual([
      ['pending', 1, 'fetch failed'],
      ['pending', 1, 'fetch failed'],
    ]);
    expect(client.status.get()).toMatchObject({ state: 'offline', pending: 2, lastError: 'fetch failed' });
    await client.syncNow();
    expect(server.pushes[1]).toEqual(server.pushes[0]);
    expect(client.status.get()).toMatchObject({ state: 'idle', pending: 0, lastError: null });
  });

  it('halves a batch the server finds too large, and fails an item that can never fit', async () => {
    const delivered: unknown[] = [];
    const server = createScriptedApi({
      push: (events) => {
        if (events.length > 2 || events.some((e) => e.payload?.name === 'huge'))
          throw httpError(413, 'PAYLOAD_TOO_LARGE');
        delivered.push(events.map((e) => e.payload?.name));
        return events.map((e) => ({ eventUuid: e.eventUuid, status: 'applied' }));
      },
    });
    const { client, store } = await createTestClient(server.api);
    for (const name of ['a', 'b', 'c', 'd', 'huge', 'e']) await client.customers.create({ name });
    await client.syncNow();
    expect((await outbox(store)).map((i) => i.status)).toEqual([
      'sent',
      'sent',
      'sent',
      'sent',
      'sent',
      'error',
    ]);
    expect(delivered).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
    expect((await outbox(store)).at(-1)?.lastError).toBe('PAYLOAD_TOO_LARGE: PAYLOAD_TOO_LARGE');
  });

  it('undoes an item that can never fit, as a rejected one, back to the server row', async () => {
    const known = serverRow(
      '11111111-1111-4111-8111-111111111111',
      { name: 'S', phone: null, note: null, language: null },
      3,
    );
    const server = createScriptedApi({
      push: () => {
        throw httpError(413, 'PAYLOAD_TOO_LARGE');
      },
      pull: (cursor) => ({
        events: cursor === 0 ? [pulled(1, 'customers', known)] : [],
        cursor: 1,
        hasMore: false,
      }),
    });
    const { client, store } = await createTestClient(server.api);
    await client.syncNow();
    await client.customers.update(known.id, { note: 'x'.repeat(10) });
    const made = await client.customers.create({ name: 'never sent' });
    await client.syncNow();
    expect((await outbox(store)).map((i) => i.status)).toEqual(['error', 'error']);
    expect(await client.customers.get(known.id)).toEqual(known);
    expect(await client.customers.get(made.id)).toBeNull();
    const kept = await store.transaction((tx) => tx.getServerRows('customers', [known.id, made.id]));
    expect(kept.size).toBe(0);
  });
});
