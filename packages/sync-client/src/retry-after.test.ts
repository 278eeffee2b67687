import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { PushEvent } from '@storesync/schema';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSyncClient } from './client.ts';
import { RetryLaterError } from './runner.ts';
import { createMemoryStore } from './storage/memory.ts';

interface Seen {
  path: string;
  at: number;
  status: number;
}

const trpcError = (httpStatus: number, code: string) => ({
  error: { message: 'slow down', code: -32029, data: { code, httpStatus } },
});

/**
 * A tRPC endpoint that answers the first `busy` requests to `procedure` with
 * `status` and `Retry-After: 1`, and the rest as an empty server would (the
 * snapshot, and the digest it does not have, are not counted in `seen`).
 */
async function busyServer(procedure: string, status: number, code: string, busy = 1) {
  const seen: Seen[] = [];
  const reply = (res: ServerResponse, httpStatus: number, body: unknown, headers = {}) => {
    res.writeHead(httpStatus, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };
  const server: Server = createServer(async (req: IncomingMessage, res) => {
    let body = '';
    for await (const chunk of req) body += chunk;
    const path = new URL(req.url ?? '/', 'http://x').pathname.replace('/api/trpc/', '');
    // A new device's snapshot of an empty store, before its pulls: not what these tests count.
    if (path === 'sync.snapshot')
      return reply(res, 200, { result: { data: { rows: [], cursor: 0, next: null, total: 0 } } });
    // Nor is the book's check: this server has no digest (a 404, as from one deployed before it).
    if (path !== 'sync.pull' && path !== 'sync.push') return reply(res, 404, trpcError(404, 'NOT_FOUND'));
    const count = seen.filter((s) => s.path === path).length;
    const refuse = path === procedure && count < busy;
    seen.push({ path, at: Date.now(), status: refuse ? status : 200 });
    if (refuse) return reply(res, status, trpcError(status, code), { 'retry-after': '1' });
    if (path === 'sync.pull')
      return reply(res, 200, { result: { data: { events: [], cursor: 0, hasMore: false } } });
    const { events } = JSON.parse(body) as { events: PushEvent[] };
    const results = events.map((e) => ({ eventUuid: e.eventUuid, status: 'duplicate' }));
    reply(res, 200, { result: { data: { results, serverTime: new Date().toISOString() } } });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  stops.push(() => new Promise<void>((r) => server.close(() => r())));
  return { url: `http://127.0.0.1:${port}/api/trpc`, seen };
}

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
});

async function client(url: string) {
  let n = 0;
  const store = createMemoryStore();
  const book = await createSyncClient({
    store,
    url,
    getToken: () => 'token',
    backoffBaseMs: 10,
    intervalMs: 3_600_000,
    writeDelayMs: 0,
    newId: () => `00000000-0000-4000-8000-${(n++).toString(16).padStart(12, '0')}`,
  });
  stops.push(() => book.close());
  return { book, store };
}

describe('a server that answers 429 or 503 with Retry-After', () => {
  it('gets no push or pull before the wait is over, and the change stays pending until then', async () => {
    const server = await busyServer('sync.push', 429, 'TOO_MANY_REQUESTS');
    const { book, store } = await client(server.url);
    await book.signIn('user-1');
    await vi.waitFor(() => expect(server.seen.length).toBe(1));
    await book.customers.create({ name: 'Amina' });
    await vi.waitFor(() => expect(book.status.get().state).toBe('error'));
    const [item] = await store.transaction((tx) => tx.listOutbox({ status: 'pending' }));
    expect(item).toMatchObject({ retryCount: 1, lastError: 'TOO_MANY_REQUESTS: slow down' });
    await expect(book.syncNow()).rejects.toThrow(RetryLaterError);
    await vi.waitFor(() => expect(book.status.get()).toMatchObject({ state: 'idle', pending: 0 }), {
      timeout: 3_000,
    });
    expect(server.seen.map((s) => `${s.path} ${s.status}`)).toEqual([
      'sync.pull 200',
      'sync.push 429',
      'sync.push 200',
      'sync.pull 200',
    ]);
    const [, refused, retried] = server.seen;
    expect((retried?.at ?? 0) - (refused?.at ?? 0)).toBeGreaterThanOrEqual(1_000);
  });

  it('waits out a 503 on pull the same way', async () => {
    const server = await busyServer('sync.pull', 503, 'SERVICE_UNAVAILABLE');
    const { book } = await client(server.url);
    await book.signIn('user-1');
    await vi.waitFor(() => expect(book.status.get().lastError).toBe('SERVICE_UNAVAILABLE: slow down'));
    await vi.waitFor(() => expect(book.status.get().state).toBe('idle'), { timeout: 3_000 });
    const [refused, retried] = server.seen;
    expect(server.seen).toHaveLength(2);
    expect((retried?.at ?? 0) - (refused?.at ?? 0)).toBeGreaterThanOrEqual(1_000);
  });
});
