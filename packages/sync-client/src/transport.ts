import type { PullOutput, PushEvent, PushOutput } from '@storesync/schema';
import { createTRPCUntypedClient, httpLink } from '@trpc/client';

/** The two procedures the sync core calls; tests may stand in for the server here. */
export interface SyncApi {
  push(input: { deviceId: string; events: PushEvent[] }): Promise<PushOutput>;
  pull(input: { cursor: number; limit: number }): Promise<PullOutput>;
}

export type FetchLike = typeof globalThis.fetch;

export interface TransportOptions {
  /** The tRPC endpoint, e.g. `https://shop.example.com/api/trpc`. */
  url: string;
  /** The session token for `Authorization: Bearer`; null when signed out. */
  getToken: () => string | null | Promise<string | null>;
  /** Defaults to the global `fetch`. */
  fetch?: FetchLike;
  /** A request with no complete answer by then counts as a network failure. */
  timeoutMs?: number;
}

const NULL_BODY_STATUSES = [101, 204, 205, 304];

/**
 * Bounds the whole exchange, body included: a mobile connection that hangs
 * would otherwise hold the one sync allowed at a time forever.
 */
const withTimeout =
  (fetchFn: FetchLike, ms: number): FetchLike =>
  async (input, init) => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new Error(`no answer within ${ms} ms`)), ms);
    init?.signal?.addEventListener('abort', () => controller.abort(init.signal?.reason));
    try {
      const res = await fetchFn(input, { ...init, signal: controller.signal });
      const body = NULL_BODY_STATUSES.includes(res.status) ? null : await res.text();
      return new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers });
    } finally {
      clearTimeout(timer);
    }
  };

/**
 * A tRPC client for the server's procedures: plain JSON (no transformer), one
 * request per call, bearer token, timeout. Untyped: each API over it is typed
 * by the wire types of `@storesync/schema` rather than the server's router, so
 * an app needs nothing of the server to compile it; `test/router-contract.ts`
 * checks at typecheck that the router agrees.
 */
export function createTrpcClient(options: TransportOptions) {
  const baseFetch: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  return createTRPCUntypedClient({
    links: [
      httpLink({
        url: options.url,
        fetch: withTimeout(baseFetch, options.timeoutMs ?? 30_000),
        headers: async () => {
          const token = await options.getToken();
          return token ? { authorization: `Bearer ${token}` } : {};
        },
      }),
    ],
  });
}

/** The server's sync procedures over HTTP. */
export function createTrpcSyncApi(options: TransportOptions): SyncApi {
  const client = createTrpcClient(options);
  return {
    push: (input) => client.mutation('sync.push', input) as Promise<PushOutput>,
    pull: (input) => client.query('sync.pull', input) as Promise<PullOutput>,
  };
}
