import type { AppRouter } from '@storesync/api';
import { createTRPCClient, httpBatchLink, httpLink } from '@trpc/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type NextServer, startNextServer } from './test/next-server';

// The production build on the embedded database, as `pnpm start` runs it, driven
// by @trpc/client typed by the router: what a TypeScript device would do.
let server: NextServer;
let base: string;

beforeAll(async () => {
  server = await startNextServer();
  base = server.base;
});
afterAll(() => server?.stop());

const client = (token?: string, batch = false) =>
  createTRPCClient<AppRouter>({
    links: [
      (batch ? httpBatchLink : httpLink)({
        url: `${base}/api/trpc`,
        headers: () => (token ? { authorization: `Bearer ${token}` } : {}),
      }),
    ],
  });

describe('the built app on the embedded database', () => {
  it('serves the landing page, which tells the public nothing of the server’s set-up', async () => {
    const html = await (await fetch(base)).text();
    expect(html).toContain('StoreSync');
    expect(html).not.toMatch(/PGlite|PostgreSQL|Database:|Dev sign-in|DEV_LOGIN|GOOGLE_CLIENT/);
  });

  it('signs a device in, takes its push, and serves it to another device’s pull', async () => {
    const s1 = await client().auth.devSignIn.mutate({ email: 'shop@example.com', deviceId: 'phone-1' });
    const s2 = await client().auth.devSignIn.mutate({ email: 'shop@example.com', deviceId: 'phone-2' });
    const id = crypto.randomUUID();
    const pushed = await client(s1.sessionToken).sync.push.mutate({
      deviceId: 'phone-1',
      events: [
        {
          eventUuid: crypto.randomUUID(),
          entity: 'customers',
          entityId: id,
          op: 'upsert',
          payload: { name: 'Amina' },
          clientUpdatedAt: new Date().toISOString(),
        },
      ],
    });
    expect(pushed.results[0]?.status).toBe('applied');
    const pulled = await client(s2.sessionToken, true).sync.pull.query({ cursor: 0 });
    expect(pulled.events.map((e) => [e.entityId, e.row.name])).toEqual([[id, 'Amina']]);
    expect(await client(s2.sessionToken).auth.me.query()).toMatchObject({ deviceId: 'phone-2' });
  });

  it('refuses calls without a session', async () => {
    await expect(client().sync.pull.query({ cursor: 0 })).rejects.toMatchObject({
      data: { code: 'UNAUTHORIZED' },
    });
  });
});
