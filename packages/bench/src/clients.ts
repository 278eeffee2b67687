import type { AppRouter } from '@storesync/api';
import { createCaller, createContext, defaultApiConfig } from '@storesync/api';
import type { Db } from '@storesync/db';
import type { PullInput, PullOutput, PushEvent, PushOutput } from '@storesync/schema';
import { createTrpcSyncApi, type FetchLike } from '@storesync/sync-client';
import { createTRPCClient, httpLink } from '@trpc/client';

/** The two procedures the benchmarks drive, whichever way they are reached. */
export interface SyncApi {
  deviceId: string;
  push(events: unknown[]): Promise<PushOutput>;
  pull(input: { cursor: number; limit: number }): Promise<PullOutput>;
}

// Far past the rate limits: closed-loop devices are what they exist to stop.
const unlimited = { max: 100_000_000, windowSeconds: 60 };
const config = defaultApiConfig({
  devLogin: true,
  limits: { perSession: unlimited, signInPerAddress: unlimited, signInPerAccount: unlimited },
});

/** A device calling the router in-process, through the same context as HTTP. */
export async function inProcessDevice(db: Db, email: string, deviceId: string): Promise<SyncApi> {
  const anon = createCaller(await createContext({ db, config, headers: new Headers() }));
  const { sessionToken } = await anon.auth.devSignIn({ email, deviceId });
  const api = createCaller(
    await createContext({ db, config, headers: new Headers({ authorization: `Bearer ${sessionToken}` }) }),
  );
  return {
    deviceId,
    push: (events) => api.sync.push({ deviceId, events }),
    pull: (input: PullInput) => api.sync.pull(input),
  };
}

/** `fetch`, asking for an uncompressed answer. */
const identityFetch: FetchLike = (input, init) => {
  const headers = new Headers(init?.headers);
  headers.set('accept-encoding', 'identity');
  return globalThis.fetch(input, { ...init, headers });
};

/**
 * A device calling the server over HTTP through the sync client's own
 * transport (`createTrpcSyncApi`, what a phone uses), asking for gzip'd
 * answers as Node's `fetch` does, unless `compressed` is false.
 */
export async function httpDevice(
  base: string,
  email: string,
  deviceId: string,
  { compressed = true } = {},
): Promise<SyncApi> {
  const anon = createTRPCClient<AppRouter>({ links: [httpLink({ url: `${base}/api/trpc` })] });
  const { sessionToken } = await anon.auth.devSignIn.mutate({ email, deviceId });
  const api = createTrpcSyncApi({
    url: `${base}/api/trpc`,
    getToken: () => sessionToken,
    ...(!compressed && { fetch: identityFetch }),
  });
  return {
    deviceId,
    push: (events) => api.push({ deviceId, events: events as PushEvent[] }),
    pull: (input) => api.pull(input),
  };
}
