import { SETTINGS_ID } from '@storesync/schema';
import { act, createElement, useState } from 'react';
import { create, type ReactTestRenderer } from 'react-test-renderer';
import { afterEach, describe, expect, it } from 'vitest';
import type { SyncClient } from './client.ts';
import {
  useBookQuery,
  useFailedChanges,
  useRow,
  useRows,
  useSettings,
  useSyncStatus,
  useSyncStatusPart,
} from './react.ts';
import { createPullLog, createScriptedApi, createTestClient, serverRow } from './test/fake-api.ts';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const mounted: ReactTestRenderer[] = [];
afterEach(async () => {
  for (const root of mounted.splice(0)) await act(async () => root.unmount());
});

/** Lets pending reads finish and React apply what they set. */
const settle = () => act(async () => new Promise((r) => setTimeout(r, 5)));

/** A component that calls `hook` and records what each render returned. */
function Probe({ hook, values }: { hook: () => unknown; values: unknown[] }) {
  values.push(hook());
  return null;
}

/** Renders `hook` in a component; `values` holds what each render returned. */
async function renderHook<T>(hook: () => T) {
  const values: T[] = [];
  await act(async () => {
    mounted.push(create(createElement(Probe, { hook, values })));
  });
  await settle();
  return { values, latest: () => values.at(-1) };
}

/** A client whose server sends, on the next pull, one customer made by another device. */
async function clientWithPull() {
  const server = createPullLog();
  const { client } = await createTestClient(server.api);
  const pullCustomer = async (n: number, name: string) => {
    const row = serverRow(`00000000-0000-4000-9000-00000000000${n}`, { name, phone: null, note: null }, n);
    server.append('customers', row);
    await act(() => client.syncNow());
    return row;
  };
  return { client, pullCustomer };
}

/** Counts the book's live subscriptions. */
function countingSubscriptions(client: SyncClient) {
  let live = 0;
  const subscribe = client.subscribe;
  const counted: SyncClient = {
    ...client,
    subscribe(entities, listener) {
      live += 1;
      const off = subscribe(entities, listener);
      return () => {
        live -= 1;
        off();
      };
    },
  };
  return { counted, live: () => live };
}

describe('useRows', () => {
  it('loads, then re-renders on a local write and on a pull of that entity only', async () => {
    const { client, pullCustomer } = await clientWithPull();
    const { values, latest } = await renderHook(() => useRows(client, 'customers'));
    expect(values[0]).toBeUndefined();
    expect(latest()).toEqual([]);
    await pullCustomer(1, 'Baraka');
    await settle();
    expect(latest()?.map((r) => r.name)).toEqual(['Baraka']);
    await act(() => client.customers.create({ name: 'Amina' }));
    await settle();
    expect(
      latest()
        ?.map((r) => r.name)
        .sort(),
    ).toEqual(['Amina', 'Baraka']);
    const renders = values.length;
    await act(() => client.debts.create({ customerId: latest()?.[0]?.id ?? '', amount: 100 }));
    await settle();
    expect(values.length).toBe(renders);
  });

  it('shows tombstones only when asked, and unsubscribes on unmount', async () => {
    const { client } = await createTestClient(createScriptedApi().api);
    const { counted, live } = countingSubscriptions(client);
    const c = await client.customers.create({ name: 'Gone' });
    await client.customers.delete(c.id);
    const all = await renderHook(() => useRows(counted, 'customers', { includeDeleted: true }));
    const shown = await renderHook(() => useRows(counted, 'customers'));
    expect(all.latest()?.map((r) => r.deletedAt !== null)).toEqual([true]);
    expect(shown.latest()).toEqual([]);
    expect(live()).toBe(2);
    for (const root of mounted.splice(0)) await act(async () => root.unmount());
    expect(live()).toBe(0);
  });
});

describe('useRow', () => {
  it('is null for an unknown row, then follows its pulled versions', async () => {
    const { client, pullCustomer } = await clientWithPull();
    const id = '00000000-0000-4000-9000-000000000002';
    const { latest } = await renderHook(() => useRow(client, 'customers', id));
    expect(latest()).toBeNull();
    await pullCustomer(1, 'someone else');
    await pullCustomer(2, 'Chui');
    await settle();
    expect(latest()).toMatchObject({ id, name: 'Chui' });
  });
});

describe('useSyncStatus', () => {
  it('re-renders with the pending count after a write', async () => {
    const { client } = await createTestClient(createScriptedApi().api);
    const { latest } = await renderHook(() => useSyncStatus(client));
    expect(latest()?.pending).toBe(0);
    await act(() => client.customers.create({ name: 'Amina' }));
    expect(latest()?.pending).toBe(1);
    await act(() => client.syncNow());
    expect(latest()).toMatchObject({ pending: 0, state: 'idle' });
  });
});

describe('useSyncStatusPart', () => {
  it('re-renders when its part changes, and not for the rest of the status', async () => {
    const { client } = await createTestClient(createScriptedApi().api);
    const failed = await renderHook(() => useSyncStatusPart(client, (s) => s.failed));
    const pending = await renderHook(() => useSyncStatusPart(client, (s) => s.pending));
    await act(() => client.customers.create({ name: 'Amina' }));
    await act(() => client.syncNow());
    // The write moved `pending` up and the sync down again, with `state` changing twice.
    expect(pending.values).toEqual([0, 1, 0]);
    expect(failed.values).toEqual([0]);
  });
});

describe('useFailedChanges', () => {
  it('lists a change when the server rejects it, and drops it when discarded', async () => {
    const api = createScriptedApi({
      push: (events) =>
        events.map((e) => ({
          eventUuid: e.eventUuid,
          status: 'rejected' as const,
          error: { code: 'INVALID_PAYLOAD' as const, message: 'no' },
        })),
    });
    const { client } = await createTestClient(api.api);
    const { latest } = await renderHook(() => useFailedChanges(client));
    expect(latest()).toEqual([]);
    await act(() => client.customers.create({ name: 'Refused' }));
    await act(() => client.syncNow());
    await settle();
    expect(latest()?.map((f) => f.reason)).toEqual(['INVALID_PAYLOAD: no']);
    await act(() => client.discardFailed(latest()?.[0]?.id ?? 0));
    await settle();
    expect(latest()).toEqual([]);
  });

  it('useSettings shows the store settings as this device sets them and as another device’s arrive', async () => {
    const server = createPullLog();
    const { client } = await createTestClient(server.api);
    const { latest } = await renderHook(() => useSettings(client));
    expect(latest()).toBeNull();
    await act(() => client.settings.set({ shopName: 'Duka' }).then(() => undefined));
    await settle();
    expect(latest()).toMatchObject({ id: SETTINGS_ID, currency: null, shopName: 'Duka' });
    server.append('settings', serverRow(SETTINGS_ID, { currency: 'KES', shopName: 'Duka la Amina' }, 2));
    await act(() => client.syncNow());
    await settle();
    expect(latest()).toMatchObject({ currency: 'KES', shopName: 'Duka la Amina' });
  });
});

describe('useBookQuery', () => {
  it('answers a read of the book, again after a change, one read at a time however many changes come', async () => {
    const { client } = await createTestClient(createScriptedApi().api);
    let reads = 0;
    const { latest } = await renderHook(() =>
      useBookQuery(client, ['customers', 'debts'], 'totals', async () => {
        reads += 1;
        return client.reads.totals();
      }),
    );
    expect(latest()).toEqual({ outstanding: 0, credit: 0, customersOwing: 0 });
    const amina = await client.customers.create({ name: 'Amina' });
    await settle();
    const before = reads;
    // Ten writes in a burst: each tells the subscribers; the reads queue up behind one another, not ten deep.
    await act(async () => {
      await Promise.all(
        Array.from({ length: 10 }, () => client.debts.create({ customerId: amina.id, amount: 100 })),
      );
    });
    await settle();
    expect(latest()).toEqual({ outstanding: 1_000, credit: 0, customersOwing: 1 });
    expect(reads - before).toBeLessThanOrEqual(3);
  });

  it('while paused (its screen out of sight) reads nothing, then once when the pause ends', async () => {
    const { client } = await createTestClient(createScriptedApi().api);
    let reads = 0;
    let pause: (paused: boolean) => void = () => {};
    const { latest } = await renderHook(() => {
      const [paused, setPaused] = useState(false);
      pause = setPaused;
      return useBookQuery(
        client,
        ['customers', 'debts'],
        'totals',
        async () => {
          reads += 1;
          return client.reads.totals();
        },
        paused,
      );
    });
    expect(latest()).toEqual({ outstanding: 0, credit: 0, customersOwing: 0 });
    await act(async () => pause(true));
    const before = reads;
    await act(async () => {
      const amina = await client.customers.create({ name: 'Amina' });
      await client.debts.create({ customerId: amina.id, amount: 250 });
      await client.debts.create({ customerId: amina.id, amount: 100 });
    });
    await settle();
    expect(reads).toBe(before);
    expect(latest()).toEqual({ outstanding: 0, credit: 0, customersOwing: 0 });
    await act(async () => pause(false));
    await settle();
    expect(reads).toBe(before + 1);
    expect(latest()).toEqual({ outstanding: 350, credit: 0, customersOwing: 1 });
  });
});
