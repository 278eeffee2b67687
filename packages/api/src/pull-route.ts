import { PullInputSchema } from '@storesync/schema';
import { authorize } from './authorize.ts';
import type { Context } from './context.ts';
import { classifyError } from './errors.ts';
import { pullEventsJson } from './sync/pull.ts';
import { readPullPage } from './sync/pull-source.ts';

/**
 * `sync.pull` over HTTP, the one hot read: the page as JSON text spliced from
 * the stored rows, for the door to put in its envelope. Input that is not
 * valid answers null, and the door serves the request through the procedure,
 * whose validation gives the contract's error. Everything else fails here, as
 * the procedure would (same `authorize`, same `classifyError`), and the door
 * answers with that error: a fault is never retried behind the caller's back.
 */
export async function fastPull(ctx: Context, input: unknown): Promise<string | null> {
  const parsed = PullInputSchema.safeParse(input);
  if (!parsed.success) return null;
  try {
    const auth = await authorize(ctx);
    const { cursor, limit, withRemaining } = parsed.data;
    const page = await readPullPage(ctx, auth.user.id, (sql) =>
      pullEventsJson(sql, auth.user.id, cursor, limit, withRemaining),
    );
    ctx.log.pulled = page.count;
    return page.json;
  } catch (error) {
    throw classifyError(error);
  }
}
