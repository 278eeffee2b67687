import { PullInputSchema, SnapshotInputSchema } from '@storesync/schema';
import { authorize } from './authorize.ts';
import type { Context } from './context.ts';
import { classifyError } from './errors.ts';
import { pullEventsJson } from './sync/pull.ts';
import { readPullPage } from './sync/pull-source.ts';
import { snapshotStart } from './sync/snapshot.ts';
import { readSnapshotPageAhead } from './sync/snapshot-ahead.ts';

/**
 * `sync.pull` and `sync.snapshot` over HTTP, the hot reads: the page as JSON
 * text spliced from the rows PostgreSQL printed, for the door to put in its
 * envelope. Input that is not valid answers null, and the door serves the
 * request through the procedure, whose validation gives the contract's error.
 * Everything else fails here, as the procedure would (same `authorize`, same
 * `classifyError`), and the door answers with that error: a fault is never
 * retried behind the caller's back.
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

/** `sync.snapshot`'s page, as `fastPull`'s. */
export async function fastSnapshot(ctx: Context, input: unknown): Promise<string | null> {
  const parsed = SnapshotInputSchema.safeParse(input);
  if (!parsed.success) return null;
  try {
    const auth = await authorize(ctx);
    const after = snapshotStart(parsed.data);
    const { limit, entity } = parsed.data;
    const page = await readSnapshotPageAhead(ctx.db.sql, auth.user.id, after, limit, entity);
    ctx.log.pulled = page.count;
    return page.json;
  } catch (error) {
    throw classifyError(error);
  }
}

/** The fast reads by procedure name. */
export const FAST_READS: Record<string, (ctx: Context, input: unknown) => Promise<string | null>> = {
  'sync.pull': fastPull,
  'sync.snapshot': fastSnapshot,
};
