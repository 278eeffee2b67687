import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppRouter } from '@storesync/api';
import { createTRPCClient, httpBatchLink, httpLink } from '@trpc/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The production build on the embedded database, as `pnpm start` runs it, driven
// by @trpc/client typed by the router: what a TypeScript device would do.
let server: ChildProcess;
let base: string;
const dataDir = mkdtempSync(join(tmpdir(), 'storesync-e2e-'));

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

beforeAll(async () => {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DEV_LOGIN: '1',
    DATA_DIR: dataDir,
    PORT: String(port),
    NEXT_TELEMETRY_DISABLED: '1',
  };
  delete env.DATABASE_URL;
  // Its own process group, so that stopping it stops next's server process too.
  server = spawn('pnpm', ['exec', 'next', 'start', '-H', '127.0.0.1'], {
    env,
    stdio: 'ignore',
    detached: true,
  });
  for (let i = 0; i < 100; i++) {
    const up = await fetch(base).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error('next start did not come up (did `next build` run?)');
});
afterAll(() => {
  if (server?.pid) process.kill(-server.pid, 'SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
});

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
  it('serves the landing page', async () => {
    const html = await (await fetch(base)).text();
    expect(html).toContain('StoreSync');
    expect(html).toContain('embedded (PGlite)');
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
