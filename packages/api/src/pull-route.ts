import { PullInputSchema } from '@storesync/schema';
import { contextOfRequest, type RequestContextOptions } from './context.ts';
import { pullEventsJson } from './sync/pull.ts';

/**
 * `sync.pull` over HTTP, the one hot read: a signed-in caller with valid input
 * gets the page as JSON text spliced from the stored rows (`wrap` puts it in
 * the transport's envelope). Anything else — no session, bad input, a fault —
 * answers null, and the caller serves the request through the procedure,
 * which gives the errors the contract says.
 */
export async function fastPull(
  opts: RequestContextOptions,
  req: Request,
  input: unknown,
  wrap: (page: string) => string,
): Promise<Response | null> {
  const parsed = PullInputSchema.safeParse(input);
  if (!parsed.success) return null;
  try {
    const ctx = await contextOfRequest(opts, req);
    if (!ctx.auth) return null;
    const page = await pullEventsJson(ctx.db.sql, ctx.auth.user.id, parsed.data.cursor, parsed.data.limit);
    return new Response(wrap(page), { headers: { 'content-type': 'application/json' } });
  } catch {
    return null;
  }
}
