import type { PullOutput } from '@storesync/schema';
import { describe, expect, it, vi } from 'vitest';
import { createMemoryStore } from './storage/memory.ts';
import type { Store } from './storage/types.ts';
import { createScriptedApi, createTestClient, pulled, serverRow } from './test/fake-api.ts';

const id = (n: number) => `00000000-0000-4000-9000-${n.toString().padStart(12, '0')}`;
const customer = (n: number) => serverRow(id(n), { name: `c${n}`, phone: null, note: null, language: null });

/** A server whose log is one page of `count` customers made by another device. */
const pageServer = (count: number) =>
  createScriptedApi({
    pull: (cursor): PullOutput =>
      cursor > 0
        ? { events: [], cursor, hasMore: false }
        : {
            events: Array.from({ length: count }, (_, n) => pulled(n + 1, 'customers', customer(n))),
            cursor: count,
            hasMore: false,
          },
  });

describe('SyncClient.subscribe', () => {
  it("tells a pull of another device's changes once per page, and not an unrelated entity", async () => {
    const { client } = await createTestClient(pageServer(500).api);
    const customers = vi.fn();
    const debts = vi.fn();
    client.subscribe(['customers'], customers);
    client.subscribe(['debts', 'sales'], debts);
    await client.syncNow();
    expect(customers).toHaveBeenCalledTimes(1);
    expect(debts).not.toHaveBeenCalled();
    expect(await client.customers.list()).toHaveLength(500);
  });

  it('tells a local write after it commits, so the listener reads the new row', async () => {
    const { client } = await createTestClient(createScriptedApi().api);
    const seen: string[][] = [];
    const payments = vi.fn();
    client.subscribe(['customers'], () => {
      client.customers.list().then((rows) => seen.push(rows.map((r) => r.name)));
    });
    client.subscribe(['payments'], payments);
    await client.customers.create({ name: 'Amina' });
    await vi.waitFor(() => expect(seen).toEqual([['Amina']]));
    expect(payments).not.toHaveBeenCalled();
  });

  it('tells a settled push, including a rejected change being undone', async () => {
    const api = createScriptedApi({
      push: (events) => events.map((e) => ({ eventUuid: e.eventUuid, status: 'rejected' as const })),
    });
    const { client } = await createTestClient(api.api);
    await client.customers.create({ name: 'Refused' });
    const listener = vi.fn();
    client.subscribe(['customers'], listener);
    await client.syncNow();
    expect(listener).toHaveBeenCalledTimes(1);
    expect(await client.customers.list()).toEqual([]);
  });

  it('tells every entity of a reset, and nobody of a transaction that failed', async () => {
    const inner = createMemoryStore();
    let failWrites = false;
    const store: Store = {
      close: inner.close,
      transaction: (fn) =>
        inner.transaction((tx) =>
          fn({
            ...tx,
            addOutbox: (item) => (failWrites ? Promise.reject(new Error('disk full')) : tx.addOutbox(item)),
          }),
        ),
    };
    const { client } = await createTestClient(createScriptedApi().api, store);
    const listener = vi.fn();
    const unsubscribe = client.subscribe(['customers'], listener);
    failWrites = true;
    await expect(client.customers.create({ name: 'Lost' })).rejects.toThrow('disk full');
    expect(listener).not.toHaveBeenCalled();
    await client.signIn('another-store');
    expect(listener).toHaveBeenCalledTimes(1);
    unsubscribe();
    await client.signIn('a-third-store');
    expect(listener).toHaveBeenCalledTimes(1);
  });
});
