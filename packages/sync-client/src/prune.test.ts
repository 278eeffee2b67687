import { describe, expect, it } from 'vitest';
import { createSyncClient } from './client.ts';
import { createMemoryStore } from './storage/memory.ts';
import { rejectingBadNotes } from './test/fake-api.ts';

const DAY = 24 * 60 * 60_000;

/** A signed-in client on a scripted server that rejects notes 'bad', at a wall clock the test moves. */
async function clientAt(start: number, keepSentCount?: number) {
  let clock = start;
  let n = 0;
  const store = createMemoryStore();
  const api = rejectingBadNotes();
  const client = await createSyncClient({
    store,
    api: api.api,
    now: () => clock,
    newId: () => `00000000-0000-4000-8000-${(n++).toString(16).padStart(12, '0')}`,
    intervalMs: 3_600_000,
    writeDelayMs: 3_600_000,
    connectivity: { isOnline: () => false, subscribe: () => () => undefined },
    ...(keepSentCount !== undefined && { keepSentCount }),
  });
  await client.signIn('user-1');
  const outbox = () =>
    store.transaction(async (tx) => ({
      sent: (await tx.listOutbox({ status: 'sent' })).map((i) => i.payload?.name),
      error: (await tx.listOutbox({ status: 'error' })).map((i) => i.payload?.name),
    }));
  return { client, outbox, advance: (ms: number) => (clock += ms) };
}

describe('outbox pruning', () => {
  it('drops settled changes older than a week after a sync, and keeps rejected ones', async () => {
    const { client, outbox, advance } = await clientAt(Date.parse('2030-01-01T00:00:00.000Z'));
    await client.customers.create({ name: 'old' });
    await client.customers.create({ name: 'old and refused', note: 'bad' });
    await client.syncNow();
    advance(6 * DAY);
    await client.customers.create({ name: 'recent' });
    await client.syncNow();
    expect(await outbox()).toEqual({ sent: ['old', 'recent'], error: ['old and refused'] });
    advance(2 * DAY);
    await client.syncNow();
    expect(await outbox()).toEqual({ sent: ['recent'], error: ['old and refused'] });
  });

  it('keeps no more than the newest settled changes', async () => {
    const { client, outbox } = await clientAt(Date.parse('2030-01-01T00:00:00.000Z'), 2);
    for (const name of ['a', 'b', 'c', 'd']) await client.customers.create({ name });
    await client.syncNow();
    expect((await outbox()).sent).toEqual(['c', 'd']);
  });
});
