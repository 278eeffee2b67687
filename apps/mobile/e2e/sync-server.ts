import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createTestDatabase, type TestDb } from '@storesync/db/testing';
import { freePort } from '@storesync/test-support/ports';

const WEB_APP = fileURLToPath(new URL('../../web', import.meta.url));

export interface SyncServer {
  /** e.g. `http://127.0.0.1:41234`, what the app's build is pointed at. */
  url: string;
  db: TestDb;
  stop(): Promise<void>;
}

/**
 * The real StoreSync server — apps/web's production build, as `pnpm start` runs it — on
 * a fresh PostgreSQL database, with dev sign-in on. Needs `next build` first.
 */
export async function startSyncServer(env: Record<string, string> = {}): Promise<SyncServer> {
  const db = await createTestDatabase();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(process.execPath, ['server.mjs', '-H', '127.0.0.1', '-p', String(port)], {
    cwd: WEB_APP,
    env: {
      ...process.env,
      DATABASE_URL: db.url,
      DEV_LOGIN: '1',
      AUTH_SECRET: 'e2e-secret',
      NEXTAUTH_URL: url,
      // Every test client is 127.0.0.1: limits by address are for tests that set them.
      RATE_LIMIT_SIGN_INS_PER_ADDRESS: '10000',
      RATE_LIMIT_FAILED_AUTHS_PER_ADDRESS: '10000',
      ...env,
    },
    stdio: 'ignore',
    // Its own process group, so stopping it stops everything it started.
    detached: true,
  });
  const stop = async () => {
    if (child.pid && child.exitCode === null) process.kill(-child.pid, 'SIGTERM');
    await new Promise((r) => setTimeout(r, 300));
    await db.drop();
  };
  for (let i = 0; i < 100; i++) {
    if (
      await fetch(`${url}/openapi.json`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return { url, db, stop };
    await new Promise((r) => setTimeout(r, 300));
  }
  await stop();
  throw new Error('the server did not come up (did apps/web `next build` run?)');
}

/** A second device of the store, reading the change log over plain HTTP: what reached the server. */
export async function pulledRows(
  url: string,
  email: string,
): Promise<{ entity: string; row: Record<string, unknown> }[]> {
  const signIn = await fetch(`${url}/auth/dev-sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, deviceId: `checker-${Date.now()}` }),
  }).then((r) => r.json() as Promise<{ sessionToken: string }>);
  const events: { entity: string; row: Record<string, unknown> }[] = [];
  for (let cursor = 0; ; ) {
    const page = (await fetch(`${url}/sync/pull?cursor=${cursor}&limit=1000`, {
      headers: { authorization: `Bearer ${signIn.sessionToken}` },
    }).then((r) => r.json())) as {
      events: { entity: string; row: Record<string, unknown> }[];
      cursor: number;
      hasMore: boolean;
    };
    events.push(...page.events);
    cursor = page.cursor;
    if (!page.hasMore) return events;
  }
}
