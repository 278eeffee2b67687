import type { Db } from '@storesync/db';
import { PullInputSchema } from '@storesync/schema';
import type { ApiConfig } from './config.ts';
import { type Auth, createContext } from './context.ts';
import { pullEventsJson } from './sync/pull.ts';

export interface PullRouteOptions {
  getDb: () => Promise<Db>;
  config: ApiConfig;
  webAuth?: (req: Request) => Promise<Auth | null>;
}

/**
 * `sync.pull` over HTTP, the one hot read: a signed-in caller with valid input
 * gets the page as JSON text spliced from the stored rows (`wrap` puts it in
 * the transport's envelope). Anything else — no session, bad input, a fault —
 * answers null, and the caller serves the request through the procedure,
 * which gives the errors the contract says.
 */
export async function fastPull(
  opts: PullRouteOptions,
  req: Request,
  input: unknown,
  wrap: (page: string) => string,
): Promise<Response | null> {
  const parsed = PullInputSchema.safeParse(input);
  if (!parsed.success) return null;
  try {
    const db = await opts.getDb();
    const ctx = await createContext({
      db,
      config: opts.config,
      headers: req.headers,
      ...(opts.webAuth && { webAuth: () => opts.webAuth?.(req) ?? Promise.resolve(null) }),
    });
    if (!ctx.auth) return null;
    const page = await pullEventsJson(db.sql, ctx.auth.user.id, parsed.data.cursor, parsed.data.limit);
    return new Response(wrap(page), { headers: { 'content-type': 'application/json' } });
  } catch {
    return null;
  }
}
