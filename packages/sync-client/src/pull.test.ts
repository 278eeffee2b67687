import type { EntityRow, PulledEvent, PullOutput } from '@storesync/schema';
import { describe, expect, it } from 'vitest';
import { createSyncClient } from './client.ts';
import { createMemoryStore } from './storage/memory.ts';
import type { Store } from './storage/types.ts';
import {
  createScriptedApi,
  createTestClient,
  httpError,
  networkError,
  pulled,
  SERVER_TIME,
  serverRow,
} from './test/fake-api.ts';

const id = (n: number) => `00000000-0000-4000-9000-${n.toString().padStart(12, '0')}`;
const customer = (n: number, name: string, rowVersion = 1) =>
  serverRow(id(n), { name, phone: null, note: null, language: null }, rowVersion);

/** A server whose log is `events`, paged by `limit`. */
const logServer = (events: PulledEvent[]) =>
  createScriptedApi({
    pull: (cursor, limit): PullOutput => {
      const rest = events.filter((e) => e.eventId > cursor);
      const page = rest.slice(0, Math.min(limit, 2));
      return { events: page, cursor: page.at(-1)?.eventId ?? cursor, hasMore: rest.length > page.length };
    },
  });
const cursorOf = (store: Store) => store.transaction(async (tx) => (await tx.getState()).lastServerEventId);

/** A memory store that calls `before` ahead of writing each pulled row (to watch or to crash). */
const storeBeforeEachServerRow = (before: (row: EntityRow) => void): Store => {
  const inner = createMemoryStore();
  return {
    close: inner.close,
    transaction: (fn) =>
      inner.transaction((tx) =>
        fn({
          ...tx,
          putRowsIfNewer: async (entity, rows) => {
            for (const row of rows) before(row);
            await tx.putRowsIfNewer(entity, rows);
          },
        }),
      ),
  };
};

describe('pull', () => {
  it('pages from the stored cursor until the server has no more, replacing rows by id', async () => {
    const server = logServer([
      pulled(1, 'customers', customer(1, 'v1')),
      pulled(2, 'customers', customer(2, 'other')),
      pulled(3, 'customers', customer(1, 'v2', 2)),
      pulled(4, 'customers', { ...customer(2, 'other', 2), deletedAt: SERVER_TIME }),
      pulled(5, 'unknown-entity' as 'customers', customer(3, 'from a newer server')),
    ]);
    const { client, store } = await createTestClient(server.api);
    await client.syncNow();
    expect(server.pulls).toEqual([0, 2, 4]);
    expect(await cursorOf(store)).toBe(5);
    expect((await client.customers.list({ includeDeleted: true })).map((r) => [r.name, r.deletedAt])).toEqual(
      [
        ['v2', null],
        ['other', SERVER_TIME],
      ],
    );
    await client.syncNow();
    expect(server.pulls.at(-1)).toBe(5);
  });

  it('never advances the cursor past rows that were not saved', async () => {
    const server = logServer([1, 2, 3, 4].map((n) => pulled(n, 'customers', customer(n, `c${n}`))));
    let crash = true;
    const store = storeBeforeEachServerRow((row) => {
      // The app dies while saving the second page.
      if (crash && row.id === id(4)) throw new Error('killed');
    });
    const { client } = await createTestClient(server.api, store);
    await expect(client.syncNow()).rejects.toThrow('killed');
    expect(await cursorOf(store)).toBe(2);
    expect((await client.customers.list()).map((r) => r.name)).toEqual(['c1', 'c2']);
    crash = false;
    await client.syncNow();
    expect(server.pulls).toEqual([0, 2, 2]);
    expect((await client.customers.list()).map((r) => r.name)).toEqual(['c1', 'c2', 'c3', 'c4']);
  });

  it('fetches the next page while it writes the current one', async () => {
    const server = logServer([1, 2, 3, 4].map((n) => pulled(n, 'customers', customer(n, `c${n}`))));
    const pullsWhileWriting: number[][] = [];
    const store = storeBeforeEachServerRow((row) => {
      if (row.id === id(1)) pullsWhileWriting.push([...server.pulls]);
    });
    const { client } = await createTestClient(server.api, store);
    await client.syncNow();
    expect(pullsWhileWriting).toEqual([[0, 2]]);
    expect(await cursorOf(store)).toBe(4);
  });

  it('keeps pending local edits on top of pulled rows until they are pushed', async () => {
    const events = [pulled(1, 'customers', customer(1, 'Amina'))];
    let serverDown = false;
    const server = createScriptedApi({
      push: (es) => {
        if (serverDown) throw httpError(500, 'INTERNAL_SERVER_ERROR');
        return es.map((e) => ({ eventUuid: e.eventUuid, status: 'applied' }));
      },
      pull: (cursor) => ({
        events: events.filter((e) => e.eventId > cursor),
        cursor: events.length,
        hasMore: false,
      }),
    });
    const { client } = await createTestClient(server.api);
    await client.syncNow();
    await client.customers.update(id(1), { note: 'owes for rice' });
    // Someone renames her on the web while this device's note cannot be pushed.
    events.push(pulled(2, 'customers', customer(1, 'Amina W.', 2)));
    serverDown = true;
    await expect(client.syncNow()).rejects.toThrow('INTERNAL_SERVER_ERROR');
    expect(await client.customers.get(id(1))).toMatchObject({
      name: 'Amina W.',
      note: 'owes for rice',
      rowVersion: 2,
    });
    expect(client.status.get()).toMatchObject({ state: 'error', pending: 1 });
    serverDown = false;
    events.push(
      pulled(
        3,
        'customers',
        serverRow(id(1), { name: 'Amina W.', phone: null, note: 'owes for rice', language: null }, 3),
      ),
    );
    await client.syncNow();
    expect(await client.customers.get(id(1))).toMatchObject({ note: 'owes for rice', rowVersion: 3 });
    expect(client.status.get()).toMatchObject({ state: 'idle', pending: 0 });
  });

  it('never moves a row back to an older version', async () => {
    const server = logServer([
      pulled(1, 'customers', customer(1, 'new', 5)),
      pulled(2, 'customers', customer(1, 'old', 4)),
    ]);
    const { client } = await createTestClient(server.api);
    await client.syncNow();
    expect(await client.customers.get(id(1))).toMatchObject({ name: 'new', rowVersion: 5 });
  });

  it('moves the clock past pulled times, so a slow phone’s next edit is newer', async () => {
    const server = logServer([pulled(1, 'customers', { ...customer(1, 'x'), updatedAt: SERVER_TIME })]);
    const store = createMemoryStore();
    const client = await createSyncClient({
      store,
      api: server.api,
      now: () => Date.parse(SERVER_TIME) - 3_600_000,
    });
    await client.signIn('u');
    await client.syncNow();
    await client.customers.update(id(1), { name: 'y' });
    const [item] = await store.transaction((tx) => tx.listOutbox({ status: 'pending' }));
    expect(item && item.clientUpdatedAt > SERVER_TIME).toBe(true);
    await client.close();
  });

  it('never writes a page that was in flight into the book of another store', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((r) => {
      release = r;
    });
    const server = createScriptedApi({
      pull: async (cursor) => {
        if (server.pulls.length > 1) return { events: [], cursor, hasMore: false };
        await held;
        return { events: [pulled(40, 'customers', customer(1, 'store A'))], cursor: 40, hasMore: false };
      },
    });
    const { client, store } = await createTestClient(server.api);
    const inFlight = client.syncNow();
    await new Promise((r) => setTimeout(r, 10));
    // Sign-out, and another account signs in, while store A's page is on its way.
    client.signOut();
    await client.signIn('user-2');
    release();
    await expect(inFlight).rejects.toThrow('changed store during the sync');
    await client.syncNow();
    expect(await client.customers.list({ includeDeleted: true })).toEqual([]);
    expect(await cursorOf(store)).toBe(0);
  });
});

describe('pull progress', () => {
  /** A log of `n` customers, served in pages of up to 1,000; `remaining` only when asked and `says`. */
  const bigLog = (n: number, says: boolean) => {
    const events = Array.from({ length: n }, (_, i) => pulled(i + 1, 'customers', customer(i + 1, `c${i}`)));
    const asked: boolean[] = [];
    const api = {
      push: async () => ({ results: [], serverTime: SERVER_TIME }),
      async pull(input: { cursor: number; limit: number; withRemaining?: boolean }): Promise<PullOutput> {
        asked.push(input.withRemaining === true);
        const rest = events.filter((e) => e.eventId > input.cursor);
        const page = rest.slice(0, Math.min(input.limit, 1000));
        const out: PullOutput = {
          events: page,
          cursor: page.at(-1)?.eventId ?? input.cursor,
          hasMore: rest.length > page.length,
        };
        if (says && input.withRemaining) out.remaining = rest.length - page.length;
        return out;
      },
    };
    return { api, asked };
  };

  it('says how far a pull of several pages has come, chunk by chunk, and clears it at the end', async () => {
    const { api, asked } = bigLog(2_300, true);
    const { client, store } = await createTestClient(api, undefined, { pullChunkEvents: 500 });
    const seen: (string | null)[] = [];
    const cursors: number[] = [];
    client.status.subscribe((s) => {
      const last = seen.at(-1) ?? null;
      const now = s.catchUp && `${s.catchUp.done}/${s.catchUp.total}`;
      if (now !== last) {
        seen.push(now);
        if (s.catchUp) void cursorOf(store).then((c) => cursors.push(c));
      }
    });
    await client.syncNow();
    expect(asked).toEqual([true, false, false]);
    expect(seen).toEqual([
      '0/null',
      '0/2300',
      '500/2300',
      '1000/2300',
      '1500/2300',
      '2000/2300',
      '2300/2300',
      null,
    ]);
    // Each chunk was stored with the cursor after it: a read between chunks never waits for a whole page.
    expect(cursors.slice(2)).toEqual([500, 1000, 1500, 2000, 2300]);
    expect(client.status.get().catchUp).toBeNull();
    expect((await client.customers.list()).length).toBe(2_300);
  });

  it('counts without a total from a server that does not say', async () => {
    const older = bigLog(1_200, false);
    const a = await createTestClient(older.api);
    const totals: (number | null)[] = [];
    a.client.status.subscribe((s) => s.catchUp && totals.push(s.catchUp.total));
    await a.client.syncNow();
    expect(totals.length).toBeGreaterThan(0);
    expect(totals.every((t) => t === null)).toBe(true);
    expect(a.client.status.get().catchUp).toBeNull();
  });

  it('marks a book never fetched whole as partial from the start, until a pull reaches the end', async () => {
    // Partial from the moment it opens: no sync has run yet.
    const log = bigLog(1_200, true);
    let failing = true;
    const api = {
      ...log.api,
      pull: async (input: { cursor: number; limit: number; withRemaining?: boolean }) => {
        if (failing && input.cursor > 0) throw networkError();
        return log.api.pull(input);
      },
    };
    const { client, store } = await createTestClient(api);
    expect(client.status.get().catchUp).toEqual({ done: 0, total: null });
    // Stopped short (the network went): still partial, with how far it came.
    await expect(client.syncNow()).rejects.toThrow();
    expect(client.status.get().catchUp).toEqual({ done: 1_000, total: 1_200 });
    expect((await store.transaction((tx) => tx.getState())).caughtUpAt).toBeNull();
    failing = false;
    await client.syncNow();
    expect(client.status.get().catchUp).toBeNull();
    expect((await store.transaction((tx) => tx.getState())).caughtUpAt).not.toBeNull();
  });

  it('shows nothing for a later sync of one page, and a first sync of an empty store ends whole', async () => {
    const small = bigLog(900, true);
    const b = await createTestClient(small.api);
    await b.client.syncNow();
    let shown = false;
    b.client.status.subscribe((s) => {
      shown ||= s.catchUp !== null;
    });
    await b.client.syncNow();
    expect(shown).toBe(false);

    const empty = await createTestClient(bigLog(0, true).api);
    await empty.client.syncNow();
    expect(empty.client.status.get().catchUp).toBeNull();
    expect((await empty.store.transaction((tx) => tx.getState())).caughtUpAt).not.toBeNull();
  });
});
