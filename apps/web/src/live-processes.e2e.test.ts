import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDb } from '@storesync/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type NextServer, startNextServer } from './test/next-server';

// Two app processes (`pnpm start` twice) on one PostgreSQL database: device A pushes through
// the first, device B holds `sync.live` on the second. The poke crosses processes by NOTIFY.
let db: TestDb;
let one: NextServer;
let two: NextServer;
beforeAll(async () => {
  db = await createTestDatabase();
  [one, two] = await Promise.all([
    startNextServer({ DATABASE_URL: db.url }),
    startNextServer({ DATABASE_URL: db.url }),
  ]);
}, 120_000);
afterAll(async () => {
  one?.stop();
  two?.stop();
  // WITH (FORCE): the exiting processes' connections do not hold the drop up.
  await db?.drop();
});

const signIn = (server: NextServer, deviceId: string) =>
  fetch(`${server.base}/auth/dev-sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'two-processes@example.com', deviceId }),
  }).then((r) => r.json() as Promise<{ sessionToken: string }>);

/** Reads a server-sent-events stream, resolving each wait for an event as it arrives. */
function events(body: ReadableStream<Uint8Array>) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  return async function next(type: string): Promise<string> {
    for (;;) {
      const end = buffer.indexOf('\n\n');
      if (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const name = /^event: (.*)$/m.exec(block)?.[1] ?? 'message';
        const data = /^data: (.*)$/m.exec(block)?.[1] ?? '';
        if (name === type) return data;
        continue;
      }
      const chunk = await reader.read();
      if (chunk.done) throw new Error(`the stream ended before a ${type} event`);
      buffer += decoder.decode(chunk.value, { stream: true });
    }
  };
}

describe('live pokes across two app processes', () => {
  it('pokes device B on process 2 when device A pushes through process 1, and B pulls the change within a second', async () => {
    const a = await signIn(one, 'phone-a');
    const b = await signIn(two, 'phone-b');
    const stream = new AbortController();
    const live = await fetch(`${two.base}/api/trpc/sync.live`, {
      headers: { authorization: `Bearer ${b.sessionToken}` },
      signal: stream.signal,
    });
    expect(live.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const next = events(live.body as ReadableStream<Uint8Array>);
    await next('connected');

    const name = `Pushed on process 1 ${randomUUID()}`;
    const startedAt = performance.now();
    const pushed = await fetch(`${one.base}/sync/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${a.sessionToken}` },
      body: JSON.stringify({
        deviceId: 'phone-a',
        events: [
          {
            eventUuid: randomUUID(),
            entity: 'customers',
            entityId: randomUUID(),
            op: 'upsert',
            payload: { name },
            clientUpdatedAt: new Date().toISOString(),
          },
        ],
      }),
    }).then((r) => r.json() as Promise<{ results: { eventId: number }[] }>);
    const eventId = pushed.results[0]?.eventId;

    const poke = JSON.parse(await next('message')) as { eventId: number };
    expect(poke.eventId).toBe(eventId);
    const page = await fetch(`${two.base}/sync/pull?cursor=0`, {
      headers: { authorization: `Bearer ${b.sessionToken}` },
    }).then((r) => r.json() as Promise<{ events: { row: { name: string } }[] }>);
    const heldAfterMs = performance.now() - startedAt;
    expect(page.events.map((e) => e.row.name)).toContain(name);
    expect(heldAfterMs).toBeLessThan(1_000);
    stream.abort();
  });
});
