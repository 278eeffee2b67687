import { TRPCError } from '@trpc/server';
import type { Auth, Context } from './context.ts';
import { hitLimit } from './limits/limiter.ts';
import { metrics } from './metrics.ts';

const authorized = new WeakMap<Context, Promise<Auth>>();

/**
 * The one authorisation path of every door (tRPC procedures, plain HTTP, the
 * pull fast path): a signed-in caller, within its session's rate limit. It
 * runs once per request (a batch of calls shares the context), so a request
 * costs at most one limiter statement (limiter.ts batches them), which also
 * keeps the session's last-seen. A caller not signed in (a bad or expired
 * token) counts against its address's failed-authentication limit: 401, or
 * 429 past it. Behind no configured proxy the address is unknown, and all
 * such callers share one budget.
 */
export function authorize(ctx: Context): Promise<Auth> {
  let done = authorized.get(ctx);
  if (!done) {
    done = (async () => {
      const auth = ctx.auth;
      if (!auth) {
        metrics.authFailures.inc();
        const rule = ctx.config.limits.failedAuthPerAddress;
        // An unknown address (no proxy configured, no peer) is not limited: one budget for all would let anyone lock everyone out.
        if (rule && ctx.clientAddress)
          await hitLimit(ctx.db.sql, `authfail:address:${ctx.clientAddress}`, rule);
        throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in first: no valid session' });
      }
      const key = auth.sessionId ? `session:${auth.sessionId}` : `device:${auth.deviceId}`;
      await hitLimit(ctx.db.sql, key, ctx.config.limits.perSession, auth.sessionId);
      return auth;
    })();
    authorized.set(ctx, done);
  }
  return done;
}
