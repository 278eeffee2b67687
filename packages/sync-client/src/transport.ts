import type {
  DigestOutput,
  Entity,
  PullOutput,
  PushEvent,
  PushOutput,
  SnapshotOutput,
} from '@storesync/schema';
import { createTRPCUntypedClient, httpLink, httpSubscriptionLink, splitLink } from '@trpc/client';

/** What a live subscription reports (see live.ts). */
export interface LiveHandlers {
  /** The stream is open: anything missed before it opened needs a pull. */
  onOpen(): void;
  /** Another device's push committed; the store has events up to `eventId`. */
  onPoke(eventId: number): void;
  /** The stream failed or ended; it is not reopened here. */
  onClose(error: unknown): void;
}

/** The procedures the sync core calls; tests may stand in for the server here. */
export interface SyncApi {
  push(input: { deviceId: string; events: PushEvent[] }): Promise<PushOutput>;
  pull(input: { cursor: number; limit: number; withRemaining?: boolean }): Promise<PullOutput>;
  /** `sync.snapshot`, for a first sync; without it (or on a server without it) a new device pulls the whole log. */
  snapshot?(input: { after?: string; limit: number; entity?: Entity }): Promise<SnapshotOutput>;
  /** `sync.digest`: what a book pulled to its `cursor` holds, to check this one against. */
  digest?(): Promise<DigestOutput>;
  /** `sync.verified`: tells the server this device's book matched (or was mended) at `cursor`. */
  verified?(input: { cursor: number; repaired: Entity[] }): Promise<unknown>;
  /** Subscribes to `sync.live`, when the transport can; returns the unsubscribe function. */
  live?(handlers: LiveHandlers): () => void;
}

/**
 * Opens a server-sent-events stream with these request headers. An EventSource
 * that can send headers: `react-native-sse` in an app (see react-native.ts),
 * the `eventsource` package in Node.
 */
export type OpenEventSource = (url: string, headers: Record<string, string>) => object;

/** The constructor of the `eventsource` package (v3+), as far as this needs it. */
export type FetchEventSourceLike = new (
  url: string,
  init: { fetch: (input: string | URL, init?: { headers?: Record<string, string> }) => Promise<Response> },
) => object;

/**
 * `openEventSource` from the `eventsource` package (Node 20+, browsers): it
 * sends no custom headers itself, so they go through its `fetch`.
 */
export const fetchEventSource =
  (EventSource: FetchEventSourceLike): OpenEventSource =>
  (url, headers) =>
    new EventSource(url, {
      fetch: (input, init) => globalThis.fetch(input, { ...init, headers: { ...init?.headers, ...headers } }),
    });

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
  /** Without it there is no live subscription: other devices' changes come with the timer. */
  openEventSource?: OpenEventSource;
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
      // Bytes, not text: the link's res.json() decodes them once (text() then json() decoded twice).
      const body = NULL_BODY_STATUSES.includes(res.status) ? null : await res.arrayBuffer();
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
  const headers = async (): Promise<Record<string, string>> => {
    const token = await options.getToken();
    return token ? { authorization: `Bearer ${token}` } : {};
  };
  const calls = httpLink({
    url: options.url,
    fetch: withTimeout(baseFetch, options.timeoutMs ?? 30_000),
    headers,
  });
  const open = options.openEventSource;
  if (!open) return createTRPCUntypedClient({ links: [calls] });
  // tRPC constructs its EventSource with `(url, init)`: this one passes `init.headers` on.
  class HeaderEventSource {
    constructor(url: string, init?: { headers?: Record<string, string> }) {
      // biome-ignore lint/correctness/noConstructorReturn: the stream is whatever `open` made
      return open?.(url, init?.headers ?? {}) as HeaderEventSource;
    }
  }
  return createTRPCUntypedClient({
    links: [
      splitLink({
        condition: (op) => op.type === 'subscription',
        true: httpSubscriptionLink({
          url: options.url,
          EventSource: HeaderEventSource as unknown as typeof EventSource,
          eventSourceOptions: async () => ({ headers: await headers() }) as EventSourceInit,
        }),
        false: calls,
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
    snapshot: (input) => client.query('sync.snapshot', input) as Promise<SnapshotOutput>,
    digest: () => client.query('sync.digest') as Promise<DigestOutput>,
    verified: (input) => client.mutation('sync.verified', input),
    ...(options.openEventSource && {
      live(handlers: LiveHandlers) {
        const subscription = client.subscription('sync.live', undefined, {
          onStarted: () => handlers.onOpen(),
          onData: (poke) => handlers.onPoke((poke as { eventId: number }).eventId),
          onError: (error) => handlers.onClose(error),
          onComplete: () => handlers.onClose(null),
          // An EventSource that retries by itself is stopped: live.ts reconnects, with backoff.
          onConnectionStateChange: (state) => {
            if (state.state === 'connecting' && state.error) handlers.onClose(state.error);
          },
        });
        return () => subscription.unsubscribe();
      },
    }),
  };
}
