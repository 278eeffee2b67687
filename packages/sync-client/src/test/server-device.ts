import { createSyncClient, type SyncClient } from '../client.ts';
import { createMemoryStore } from '../storage/memory.ts';
import { openSqliteStore } from '../storage/sqlite.ts';
import type { TestServer } from './server.ts';

/**
 * A device of `email`'s store, signed in over HTTP to the test server and syncing only when told to.
 * Its book is SQLite in memory unless `sqlite` is false; `now` is its clock.
 */
export async function serverDevice(
  server: TestServer,
  email: string,
  { sqlite = true, now }: { sqlite?: boolean; now?: () => number } = {},
): Promise<SyncClient> {
  let token: string | null = null;
  const client = await createSyncClient({
    store: sqlite ? await openSqliteStore(':memory:') : createMemoryStore(),
    url: server.url,
    getToken: () => token,
    intervalMs: 3_600_000,
    writeDelayMs: 3_600_000,
    ...(now && { now }),
  });
  const session = await server.signIn(email, client.deviceId);
  token = session.token;
  await client.signIn(session.userId);
  return client;
}
