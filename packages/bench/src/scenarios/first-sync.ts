import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppRouter } from '@storesync/api';
import * as syncClient from '@storesync/sync-client';
import * as sqlite from '@storesync/sync-client/sqlite';
import { createTRPCClient, httpLink } from '@trpc/client';

/** The sync client's two entry points a first sync uses (another checkout's, for an A/B run). */
export interface ClientModules {
  createSyncClient: typeof syncClient.createSyncClient;
  openSqliteStore: typeof sqlite.openSqliteStore;
}

/**
 * Sends `sync.snapshot` under a name the server does not have: its real 404, as from a server
 * without the snapshot, so the client takes the whole log (the first sync before issue 25).
 */
const withoutSnapshot: typeof fetch = (input, init) =>
  fetch(String(input).replace('/sync.snapshot?', '/sync.noSnapshot?'), init);

/**
 * Wall time for a fresh device — the sync client on a SQLite file — to sign in
 * and hold the whole book of the store `email`, by snapshot then the log (or, with
 * `eventPull`, the log from 0), over HTTP; then the customers it holds, read back through
 * the client (not timed).
 */
export async function firstSync(
  base: string,
  email: string,
  pullLimit: number,
  { createSyncClient, openSqliteStore }: ClientModules = { ...syncClient, ...sqlite },
  after?: (seconds: number) => void,
  eventPull = false,
): Promise<{ seconds: number; rows: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'storesync-first-sync-'));
  let token: string | null = null;
  try {
    const book = await createSyncClient({
      store: await openSqliteStore(join(dir, 'book.db')),
      url: `${base}/api/trpc`,
      getToken: () => token,
      pullLimit,
      ...(eventPull && { fetch: withoutSnapshot }),
    });
    const anon = createTRPCClient<AppRouter>({ links: [httpLink({ url: `${base}/api/trpc` })] });
    const t0 = performance.now();
    const session = await anon.auth.devSignIn.mutate({ email, deviceId: book.deviceId });
    token = session.sessionToken;
    await book.signIn(session.user.id);
    await book.syncNow();
    const seconds = (performance.now() - t0) / 1000;
    after?.(seconds);
    const rows = (await book.customers.list()).length;
    await book.close();
    token = null;
    return { seconds, rows };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
