import type { Auth, Context } from '../context.ts';

/** The context inside a `protectedProcedure`: the caller is known. */
export type AuthedContext = Context & { auth: Auth };
