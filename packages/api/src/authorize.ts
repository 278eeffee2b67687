import { TRPCError } from '@trpc/server';
import type { Auth, Context } from './context.ts';
import { hitLimit } from './limits/limiter.ts';

const authorized = new WeakMap<Context, Promise<Auth>>();

/**
 * The one authorisation path of every door (tRPC procedures, plain HTTP, the
 * pull fast path): a signed-in caller, within its session's rate limit. It
 * runs once per request (a batch of calls shares the context), so a request
 * costs one limiter statement, which also keeps the session's last-seen.
 */
export function authorize(ctx: Context): Promise<Auth> {
  let done = authorized.get(ctx);
  if (!done) {
    done = (async () => {
      const auth = ctx.auth;
      if (!auth) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in first: no valid session' });
      const key = auth.sessionId ? `session:${auth.sessionId}` : `device:${auth.deviceId}`;
      await hitLimit(ctx.db.sql, key, ctx.config.limits.perSession, auth.sessionId);
      return auth;
    })();
    authorized.set(ctx, done);
  }
  return done;
}
