import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { ZodError } from 'zod';
import { readBodyCapped } from './body.ts';
import { contextOfRequest, type RequestContextOptions } from './context.ts';
import { describeZodError } from './errors.ts';
import { fastPull } from './pull-route.ts';
import { createCaller } from './root.ts';

type Caller = ReturnType<typeof createCaller>;

export interface RestHandlerOptions extends RequestContextOptions {
  /** Called with server faults (not with the caller's mistakes). */
  onError?: (error: unknown, route: string) => void;
}

/** `{ "error": { code, message } }` with the HTTP status tRPC gives that code. */
function errorResponse(error: unknown): Response {
  const e =
    error instanceof TRPCError ? error : new TRPCError({ code: 'INTERNAL_SERVER_ERROR', cause: error });
  const message =
    e.code === 'INTERNAL_SERVER_ERROR'
      ? 'Internal server error'
      : e.cause instanceof ZodError
        ? describeZodError(e.cause)
        : e.message;
  return Response.json({ error: { code: e.code, message } }, { status: getHTTPStatusCodeFromError(e) });
}

async function jsonBody(req: Request, limit: number): Promise<unknown> {
  const text = await readBodyCapped(req, limit);
  if (text === null)
    throw new TRPCError({ code: 'PAYLOAD_TOO_LARGE', message: `Request body over ${limit} bytes` });
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new TRPCError({ code: 'BAD_REQUEST', message: 'body: not valid JSON' });
  }
}

/** A query parameter as a number when it reads as one, else as given, for the schema to judge. */
const queryNumber = (url: URL, name: string): unknown => {
  const v = url.searchParams.get(name);
  if (v === null) return undefined;
  return /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v;
};

/**
 * The plain-HTTP door for clients that cannot speak tRPC (the Flutter app):
 * each route calls the very same procedure through a server-side caller, with
 * the same context, so validation, results and store scoping are the tRPC ones.
 * Bodies are the procedure's input and output as plain JSON.
 */
export function createRestHandlers(opts: RestHandlerOptions) {
  const route =
    (name: string, call: (api: Caller, req: Request) => Promise<unknown>) =>
    async (req: Request): Promise<Response> => {
      try {
        const ctx = await contextOfRequest(opts, req);
        return Response.json(await call(createCaller(ctx), req));
      } catch (error) {
        if (!(error instanceof TRPCError) || error.code === 'INTERNAL_SERVER_ERROR')
          opts.onError?.(error, name);
        return errorResponse(error);
      }
    };
  const body = (req: Request) => jsonBody(req, opts.config.maxBodyBytes);
  // Each input goes to the procedure as sent; its zod schema is the one judge.
  const asInput = <T>(v: unknown) => v as T;

  const pullInput = (req: Request) => {
    const url = new URL(req.url);
    return { cursor: queryNumber(url, 'cursor'), limit: queryNumber(url, 'limit') };
  };
  const pull = route('sync.pull', async (api, req) => api.sync.pull(asInput(pullInput(req))));

  return {
    push: route('sync.push', async (api, req) => api.sync.push(asInput(await body(req)))),
    pull: async (req: Request) => (await fastPull(opts, req, pullInput(req), (page) => page)) ?? pull(req),
    googleSignIn: route('auth.signIn', async (api, req) => api.auth.signIn(asInput(await body(req)))),
    devSignIn: route('auth.devSignIn', async (api, req) => api.auth.devSignIn(asInput(await body(req)))),
    me: route('auth.me', (api) => api.auth.me()),
    signOut: route('auth.signOut', (api) => api.auth.signOut()),
  };
}
