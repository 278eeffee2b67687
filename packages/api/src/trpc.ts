import { initTRPC } from '@trpc/server';
import { ZodError } from 'zod';
import { authorize } from './authorize.ts';
import type { Context } from './context.ts';
import { classifyError, describeZodError, refusalData } from './errors.ts';

/**
 * The one tRPC instance. No transformer: the wire is plain JSON for clients in
 * any language. Validation errors name the offending path; server faults never
 * leak their message or stack.
 */
const t = initTRPC.context<Context>().create({
  // Live subscriptions (server-sent events): a comment every 20 s keeps proxies from
  // closing an idle stream, and a client that hears nothing for 50 s reconnects. The hub
  // ends each stream within the hour (its session is checked again on reopening);
  // `maxDurationMs` only backs that up, as it cuts the stream without tRPC's `return`.
  sse: {
    ping: { enabled: true, intervalMs: 20_000 },
    client: { reconnectAfterInactivityMs: 50_000 },
    maxDurationMs: 70 * 60_000,
  },
  // `data` keeps tRPC's fields and adds StoreSync's codes (`reason`, `params`, `issues`:
  // docs/protocol.md, Errors) so a UI says a refusal in its own language.
  errorFormatter({ shape, error }) {
    const { stack: _stack, ...rest } = shape.data;
    const data = { ...rest, ...refusalData(error) };
    if (error.cause instanceof ZodError) return { ...shape, message: describeZodError(error.cause), data };
    if (error.code === 'INTERNAL_SERVER_ERROR') return { ...shape, message: 'Internal server error', data };
    return { ...shape, data };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Every procedure's faults go through `classifyError`: a database outage answers 503, not 500. */
export const publicProcedure = t.procedure.use(async ({ next }) => {
  const result = await next();
  if (!result.ok) throw classifyError(result.error);
  return result;
});

/** Requires a signed-in caller within its rate limit (see authorize); narrows `ctx.auth` to non-null. */
export const protectedProcedure = publicProcedure.use(async ({ ctx, next }) =>
  next({ ctx: { ...ctx, auth: await authorize(ctx) } }),
);
