import type { Db } from '@storesync/db';
import { TRPCError } from '@trpc/server';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { readBodyCapped } from './body.ts';
import type { ApiConfig } from './config.ts';
import { type Auth, createContext } from './context.ts';
import { appRouter } from './root.ts';

export interface TrpcHandlerOptions {
  endpoint: string;
  getDb: () => Promise<Db>;
  config: ApiConfig;
  webAuth?: (req: Request) => Promise<Auth | null>;
  onError?: (error: TRPCError, path: string | undefined) => void;
}

/**
 * The tRPC endpoint as a fetch handler (Next route handlers, tests): enforces
 * the body size limit, then serves the router.
 */
export function createTrpcHandler(opts: TrpcHandlerOptions) {
  return async (req: Request): Promise<Response> => {
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
        return createContext({
          db: await opts.getDb(),
          config: opts.config,
          headers: req.headers,
          ...(opts.webAuth && { webAuth: () => opts.webAuth?.(req) ?? Promise.resolve(null) }),
        });
      },
      onError: ({ error, path }) => opts.onError?.(error, path),
    });
  };
}
