import { TRPCError } from '@trpc/server';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { readBodyCapped } from './body.ts';
import { contextOfRequest, type RequestContextOptions } from './context.ts';
import { fastPull } from './pull-route.ts';
import { appRouter } from './root.ts';

export interface TrpcHandlerOptions extends RequestContextOptions {
  endpoint: string;
  onError?: (error: TRPCError, path: string | undefined) => void;
}

/** The input of an unbatched `GET <endpoint>/sync.pull`, or null for any other request. */
function pullInput(req: Request, endpoint: string): { input: unknown } | null {
  if (req.method !== 'GET') return null;
  const url = new URL(req.url);
  if (url.pathname !== `${endpoint}/sync.pull` || url.searchParams.has('batch')) return null;
  const raw = url.searchParams.get('input');
  try {
    return { input: raw === null ? undefined : JSON.parse(raw) };
  } catch {
    return null;
  }
}

/**
 * The tRPC endpoint as a fetch handler (Next route handlers, tests): enforces
 * the body size limit, then serves the router. A plain `sync.pull` takes the
 * fast path of pull-route.ts, in tRPC's own envelope.
 */
export function createTrpcHandler(opts: TrpcHandlerOptions) {
  return async (req: Request): Promise<Response> => {
    const pull = pullInput(req, opts.endpoint);
    const fast = pull && (await fastPull(opts, req, pull.input, (page) => `{"result":{"data":${page}}}`));
    if (fast) return fast;
    const body = req.method === 'POST' ? await readBodyCapped(req, opts.config.maxBodyBytes) : undefined;
    const request =
      body === undefined
        ? req
        : new Request(req.url, { method: req.method, headers: req.headers, body: body ?? '' });
    return fetchRequestHandler({
      endpoint: opts.endpoint,
      req: request,
      router: appRouter,
      createContext: async () => {
        if (body === null) {
          throw new TRPCError({
            code: 'PAYLOAD_TOO_LARGE',
            message: `Request body over ${opts.config.maxBodyBytes} bytes`,
          });
        }
        return contextOfRequest(opts, req);
      },
      onError: ({ error, path }) => opts.onError?.(error, path),
    });
  };
}
