import type { TRPCError } from '@trpc/server';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { readBody } from './body.ts';
import { type Context, contextOfRequest, type RequestContextOptions } from './context.ts';
import { withSameOriginWebAuth } from './cross-origin.ts';
import { classifyError, RetryLaterError } from './errors.ts';
import { defaultLogger, logRequest } from './log.ts';
import { FAST_READS } from './pull-route.ts';
import { appRouter } from './root.ts';

export interface TrpcHandlerOptions extends RequestContextOptions {
  endpoint: string;
}

/** The fast read and input of an unbatched `GET <endpoint>/sync.pull` or `sync.snapshot`, or null for any other request. */
function fastRead(req: Request, url: URL, endpoint: string) {
  if (req.method !== 'GET' || url.searchParams.has('batch')) return null;
  const read = FAST_READS[url.pathname.slice(endpoint.length + 1)];
  if (!read) return null;
  const raw = url.searchParams.get('input');
  try {
    return { read, input: raw === null ? undefined : (JSON.parse(raw) as unknown) };
  } catch {
    return null;
  }
}

const isFault = (e: TRPCError) => e.code === 'INTERNAL_SERVER_ERROR' || e.code === 'SERVICE_UNAVAILABLE';

/**
 * The tRPC endpoint as a fetch handler (Next route handlers, tests). A plain
 * `sync.pull` or `sync.snapshot` takes the fast path of pull-route.ts, in tRPC's own envelope.
 * Bodies are read within the size and time limits; batches are capped; a
 * request that fails before its procedures run (body, session, limit, fast
 * pull) is answered by tRPC from that error, so every answer has tRPC's error
 * shape and 429/503 carry `Retry-After`. Every request leaves one log line.
 * The cookie session counts only for the dashboard's own pages (cross-origin.ts).
 */
export function createTrpcHandler(options: TrpcHandlerOptions) {
  const opts = withSameOriginWebAuth(options);
  const logger = opts.logger ?? defaultLogger;
  return async (req: Request): Promise<Response> => {
    const startedAt = performance.now();
    const url = new URL(req.url);
    const route = url.pathname.slice(opts.endpoint.length + 1) || '?';
    let ctx: Context | undefined;
    let ctxPromise: Promise<Context> | undefined;
    const context = () => {
      ctxPromise ??= contextOfRequest(opts, req).then((c) => {
        ctx = c;
        return c;
      });
      return ctxPromise;
    };
    let failure: unknown;
    let fault: unknown;
    const done = (res: Response) => {
      logRequest(logger, { route, method: req.method, status: res.status, startedAt, ctx, fault });
      return res;
    };

    const fast = fastRead(req, url, opts.endpoint);
    let body: string | undefined;
    try {
      const page = fast && (await fast.read(await context(), fast.input));
      if (page) {
        return done(
          new Response(`{"result":{"data":${page}}}`, { headers: { 'content-type': 'application/json' } }),
        );
      }
      if (req.method === 'POST') body = await readBody(req, opts.config);
    } catch (error) {
      failure = classifyError(error);
    }
    const request =
      body === undefined ? req : new Request(req.url, { method: req.method, headers: req.headers, body });
    return done(
      await fetchRequestHandler({
        endpoint: opts.endpoint,
        req: request,
        router: appRouter,
        maxBatchSize: opts.config.maxBatchSize,
        createContext: async () => {
          if (failure) throw failure;
          return context();
        },
        responseMeta: ({ errors }) => {
          const wait = Math.max(
            0,
            ...errors.map((e) => (e instanceof RetryLaterError ? e.retryAfterSeconds : 0)),
          );
          return wait > 0 ? { headers: new Headers({ 'retry-after': String(wait) }) } : {};
        },
        onError: ({ error }) => {
          if (fault === undefined && isFault(error)) fault = error;
        },
      }),
    );
  };
}
