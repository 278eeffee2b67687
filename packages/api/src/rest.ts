import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { ZodError } from 'zod';
import { type BodyLimits, readBody } from './body.ts';
import { type Context, contextOfRequest, type RequestContextOptions } from './context.ts';
import { withSameOriginWebAuth } from './cross-origin.ts';
import { classifyError, describeZodError, refusalData, retryAfterHeader } from './errors.ts';
import { defaultLogger, logRequest } from './log.ts';
import { fastPull, fastSnapshot } from './pull-route.ts';
import { createCaller } from './root.ts';

type Caller = ReturnType<typeof createCaller>;

export type RestHandlerOptions = RequestContextOptions;

/**
 * `{ "error": { code, message } }` with the HTTP status tRPC gives that code (and `Retry-After`
 * on 429/503); a refusal adds its `reason`/`params`, or invalid input its `issues`, as tRPC's
 * `error.data` has them.
 */
function errorResponse(e: TRPCError): Response {
  const message =
    e.code === 'INTERNAL_SERVER_ERROR'
      ? 'Internal server error'
      : e.cause instanceof ZodError
        ? describeZodError(e.cause)
        : e.message;
  return Response.json(
    { error: { code: e.code, message, ...refusalData(e) } },
    { status: getHTTPStatusCodeFromError(e), headers: retryAfterHeader(e) },
  );
}

async function jsonBody(req: Request, limits: BodyLimits): Promise<unknown> {
  const text = await readBody(req, limits);
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new TRPCError({ code: 'BAD_REQUEST', message: 'body: not valid JSON' });
  }
}

const jsonText = (text: string) => new Response(text, { headers: { 'content-type': 'application/json' } });

/** A query parameter as a number when it reads as one, else as given, for the schema to judge. */
const queryNumber = (url: URL, name: string): unknown => {
  const v = url.searchParams.get(name);
  if (v === null) return undefined;
  return /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v;
};

/** A query parameter as a boolean when it reads `true`/`false` (or `1`/`0`), else as given. */
const queryFlag = (url: URL, name: string): unknown => {
  const v = url.searchParams.get(name);
  if (v === null) return undefined;
  return v === 'true' || v === '1' ? true : v === 'false' || v === '0' ? false : v;
};

/**
 * The plain-HTTP door for clients that cannot speak tRPC (the Flutter app):
 * each route calls the very same procedure through a server-side caller, with
 * the same context, so validation, results and store scoping are the tRPC ones.
 * Bodies are the procedure's input and output as plain JSON. The cookie session counts only
 * for the dashboard's own pages (cross-origin.ts).
 */
export function createRestHandlers(options: RestHandlerOptions) {
  const opts = withSameOriginWebAuth(options);
  const logger = opts.logger ?? defaultLogger;
  /** A route: the request's context, the call, one log line; errors as `classifyError` says. */
  const route =
    (name: string, call: (ctx: Context, req: Request) => Promise<unknown>) =>
    async (req: Request): Promise<Response> => {
      const startedAt = performance.now();
      let ctx: Context | undefined;
      let res: Response;
      let fault: unknown;
      try {
        ctx = await contextOfRequest(opts, req);
        const out = await call(ctx, req);
        res = typeof out === 'string' ? jsonText(out) : Response.json(out);
      } catch (error) {
        const e = classifyError(error);
        if (e.code === 'INTERNAL_SERVER_ERROR' || e.code === 'SERVICE_UNAVAILABLE') fault = e;
        res = errorResponse(e);
      }
      logRequest(logger, { route: name, method: req.method, status: res.status, startedAt, ctx, fault });
      return res;
    };
  const procedure = (name: string, call: (api: Caller, req: Request) => Promise<unknown>) =>
    route(name, (ctx, req) => call(createCaller(ctx), req));
  const body = (req: Request) => jsonBody(req, opts.config);
  // Each input goes to the procedure as sent; its zod schema is the one judge.
  const asInput = <T>(v: unknown) => v as T;

  const pullInput = (req: Request) => {
    const url = new URL(req.url);
    return {
      cursor: queryNumber(url, 'cursor'),
      limit: queryNumber(url, 'limit'),
      withRemaining: queryFlag(url, 'withRemaining'),
    };
  };

  const snapshotInput = (req: Request) => {
    const url = new URL(req.url);
    return {
      after: url.searchParams.get('after') ?? undefined,
      entity: url.searchParams.get('entity') ?? undefined,
      limit: queryNumber(url, 'limit'),
    };
  };

  return {
    push: procedure('sync.push', async (api, req) => api.sync.push(asInput(await body(req)))),
    // The fast path's page as it is; input it cannot take goes to the procedure for its error.
    pull: route(
      'sync.pull',
      async (ctx, req) =>
        (await fastPull(ctx, pullInput(req))) ?? createCaller(ctx).sync.pull(asInput(pullInput(req))),
    ),
    snapshot: route(
      'sync.snapshot',
      async (ctx, req) =>
        (await fastSnapshot(ctx, snapshotInput(req))) ??
        createCaller(ctx).sync.snapshot(asInput(snapshotInput(req))),
    ),
    googleSignIn: procedure('auth.signIn', async (api, req) => api.auth.signIn(asInput(await body(req)))),
    devSignIn: procedure('auth.devSignIn', async (api, req) => api.auth.devSignIn(asInput(await body(req)))),
    me: procedure('auth.me', (api) => api.auth.me()),
    signOut: procedure('auth.signOut', (api) => api.auth.signOut()),
  };
}
