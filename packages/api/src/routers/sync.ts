import {
  PullInputSchema,
  PushInputSchema,
  SnapshotInputSchema,
  VerifiedInputSchema,
} from '@storesync/schema';
import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { isWebDevice } from '../auth/web-sessions.ts';
import { readDigest } from '../sync/digest.ts';
import { pullEvents } from '../sync/pull.ts';
import { readPullPage } from '../sync/pull-source.ts';
import { applyPush } from '../sync/push.ts';
import { readSnapshotPage, snapshotStart } from '../sync/snapshot.ts';
import { protectedProcedure } from '../trpc.ts';

export const syncRouter = {
  push: protectedProcedure.input(PushInputSchema).mutation(async ({ ctx, input }) => {
    // A session belongs to one device: its writes carry that device's clock.
    if (input.deviceId !== ctx.auth.deviceId) {
      throw new TRPCError({
        code: 'FORBIDDEN',
        message: 'deviceId: does not match the device of this session',
      });
    }
    const out = await applyPush(
      ctx.db,
      { userId: ctx.auth.user.id, deviceId: ctx.auth.deviceId },
      input.events,
    );
    ctx.log.pushed = (ctx.log.pushed ?? 0) + input.events.length;
    ctx.log.applied = (ctx.log.applied ?? 0) + out.results.filter((r) => r.status === 'applied').length;
    return out;
  }),

  /**
   * Server-sent events: a poke `{ eventId }` each time another device's push
   * for this store commits (the newest id only, when several come at once);
   * on the dashboard's cookie session, each time any push commits.
   * A hint to pull, never data; a heartbeat keeps the connection open.
   */
  live: protectedProcedure.subscription(async function* ({ ctx, signal }) {
    if (!ctx.getLive)
      throw new TRPCError({ code: 'NOT_IMPLEMENTED', message: 'Live pokes are not served here' });
    // No hub: the process is stopping, or its database cannot be listened to.
    const hub = await ctx.getLive().catch((cause) => {
      throw new TRPCError({
        code: 'SERVICE_UNAVAILABLE',
        message: 'Live pokes are unavailable here; retry',
        cause,
      });
    });
    // The dashboard's tabs share one session and so one device id: each must hear the others' writes.
    const dashboard = isWebDevice(ctx.auth.deviceId);
    const who = {
      userId: ctx.auth.user.id,
      deviceId: dashboard ? null : ctx.auth.deviceId,
      sessionId: ctx.auth.sessionId,
    };
    yield* hub.pokes(who, signal ?? new AbortController().signal);
  }),

  pull: protectedProcedure.input(PullInputSchema).query(async ({ ctx, input }) => {
    const userId = ctx.auth.user.id;
    const page = await readPullPage(ctx, userId, (sql) =>
      pullEvents(sql, userId, input.cursor, input.limit, input.withRemaining),
    );
    ctx.log.pulled = (ctx.log.pulled ?? 0) + page.events.length;
    return page;
  }),

  /** A page of the store's current rows, for a device's first sync (docs/protocol.md, "Snapshot"). */
  snapshot: protectedProcedure.input(SnapshotInputSchema).query(async ({ ctx, input }) => {
    const after = snapshotStart(input);
    const page = await readSnapshotPage(ctx.db.sql, ctx.auth.user.id, after, input.limit, input.entity);
    ctx.log.pulled = (ctx.log.pulled ?? 0) + page.rows.length;
    return page;
  }),

  /** The store's digest per entity, for a device to check its book against (docs/protocol.md, "Digest"). */
  digest: protectedProcedure.query(({ ctx }) => readDigest(ctx.db.sql, ctx.auth.user.id)),

  /**
   * The device found its book equal to the digest (or mended it): the time is kept on its
   * session, for the dashboard's list of devices; what was mended goes in the request's log line.
   */
  verified: protectedProcedure.input(VerifiedInputSchema).mutation(async ({ ctx, input }) => {
    const [row] = await ctx.db.sql.query<{ at: Date }>(
      'UPDATE sessions SET verified_at = now() WHERE id = $1::uuid AND user_id = $2::uuid RETURNING verified_at AS at',
      [ctx.auth.sessionId, ctx.auth.user.id],
    );
    if (input.repaired.length > 0) ctx.log.repaired = input.repaired.join(',');
    return { verifiedAt: row ? new Date(row.at).toISOString() : null };
  }),
} satisfies TRPCRouterRecord;
