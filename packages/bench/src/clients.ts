import type { AppRouter } from '@storesync/api';
import { createCaller, createContext, defaultApiConfig } from '@storesync/api';
import type { Db } from '@storesync/db';
import { createTRPCClient, httpLink } from '@trpc/client';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';

type In = inferRouterInputs<AppRouter>;
type Out = inferRouterOutputs<AppRouter>;

/** The two procedures the benchmarks drive, whichever way they are reached. */
export interface SyncApi {
  deviceId: string;
  push(events: unknown[]): Promise<Out['sync']['push']>;
  pull(input: In['sync']['pull']): Promise<Out['sync']['pull']>;
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
    pull: (input) => api.sync.pull(input),
  };
}

/**
 * A device calling the server over HTTP with @trpc/client, as a phone would:
 * asking for gzip'd answers, unless `compressed` is false.
 */
export async function httpDevice(
  base: string,
  email: string,
  deviceId: string,
  { compressed = true } = {},
): Promise<SyncApi> {
  const anon = createTRPCClient<AppRouter>({ links: [httpLink({ url: `${base}/api/trpc` })] });
  const { sessionToken } = await anon.auth.devSignIn.mutate({ email, deviceId });
  const headers = {
    authorization: `Bearer ${sessionToken}`,
    ...(!compressed && { 'accept-encoding': 'identity' }),
  };
  const api = createTRPCClient<AppRouter>({ links: [httpLink({ url: `${base}/api/trpc`, headers })] });
  return {
    deviceId,
    push: (events) => api.sync.push.mutate({ deviceId, events }),
    pull: (input) => api.sync.pull.query(input),
  };
}
