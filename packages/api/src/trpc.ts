import { initTRPC, TRPCError } from '@trpc/server';
import { ZodError } from 'zod';
import type { Context } from './context.ts';
import { describeZodError } from './errors.ts';

/**
 * The one tRPC instance. No transformer: the wire is plain JSON for clients in
 * any language. Validation errors name the offending path; server faults never
 * leak their message or stack.
 */
const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error }) {
    const { stack: _stack, ...data } = shape.data;
    if (error.cause instanceof ZodError) return { ...shape, message: describeZodError(error.cause), data };
    if (error.code === 'INTERNAL_SERVER_ERROR') return { ...shape, message: 'Internal server error', data };
    return { ...shape, data };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure;

/** Requires a signed-in caller; narrows `ctx.auth` to non-null. */
export const protectedProcedure = t.procedure.use(({ ctx, next }) => {
  if (!ctx.auth) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in first: no valid session' });
  return next({ ctx: { ...ctx, auth: ctx.auth } });
});
