import { EventSource } from 'eventsource';
import { createSyncClient, type SyncClient } from '../client.ts';
import { createMemoryStore } from '../storage/memory.ts';
import { openSqliteStore } from '../storage/sqlite.ts';
import type { Store } from '../storage/types.ts';
import { type FetchLike, fetchEventSource } from '../transport.ts';
import type { TestServer } from './server.ts';

/** `auth.devSignIn` over HTTP at the tRPC endpoint `url`. */
export async function devSignIn(url: string, email: string, deviceId: string) {
  const res = await fetch(`${url}/auth.devSignIn`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, deviceId }),
  });
  const body = (await res.json()) as {
    result?: { data: { sessionToken: string; user: { id: string } } };
    error?: { message: string };
  };
  if (!body.result) throw new Error(`devSignIn ${email}/${deviceId}: ${res.status} ${body.error?.message}`);
  return { token: body.result.data.sessionToken, userId: body.result.data.user.id };
}

/**
 * A device of `email`'s store, signed in over HTTP to the test server and syncing only when told to.
 * Its book is SQLite in memory unless `sqlite` is false; `now` is its clock; with `live`, it holds
 * the live subscription (the `eventsource` package, as a Node app would); `fetch` carries its requests;
 * `verifyEveryMs` as the client's option.
 */
export async function serverDevice(
  server: Pick<TestServer, 'url' | 'signIn'>,
  email: string,
  {
    sqlite = true,
    now,
    live = false,
    onToken,
    fetch,
    store,
    verifyEveryMs,
  }: {
    sqlite?: boolean;
    now?: () => number;
    live?: boolean;
    onToken?: (token: string) => void;
    fetch?: FetchLike;
    /** The local database, for a test that reaches behind the client (else made here). */
    store?: Store;
    verifyEveryMs?: number;
  } = {},
): Promise<SyncClient> {
  let token: string | null = null;
  const client = await createSyncClient({
    store: store ?? (sqlite ? await openSqliteStore(':memory:') : createMemoryStore()),
    url: server.url,
    getToken: () => token,
    intervalMs: 3_600_000,
    writeDelayMs: 3_600_000,
    ...(now && { now }),
    ...(fetch && { fetch }),
    ...(verifyEveryMs !== undefined && { verifyEveryMs }),
    ...(live && { openEventSource: fetchEventSource(EventSource) }),
  });
  const session = await server.signIn(email, client.deviceId);
  token = session.token;
  onToken?.(token);
  await client.signIn(session.userId);
  return client;
}
