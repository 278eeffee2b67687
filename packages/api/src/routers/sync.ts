import { PullInputSchema, PushInputSchema } from '@storesync/schema';
import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { pullEvents } from '../sync/pull.ts';
import { applyPush } from '../sync/push.ts';
import { protectedProcedure } from '../trpc.ts';

export const syncRouter = {
  push: protectedProcedure.input(PushInputSchema).mutation(({ ctx, input }) => {
    // A session belongs to one device: its writes carry that device's clock.
    if (input.deviceId !== ctx.auth.deviceId) {
      throw new TRPCError({
        code: 'FORBIDDEN',
        message: 'deviceId: does not match the device of this session',
      });
    }
    return applyPush(ctx.db, { userId: ctx.auth.user.id, deviceId: ctx.auth.deviceId }, input.events);
  }),

  pull: protectedProcedure
    .input(PullInputSchema)
    .query(({ ctx, input }) => pullEvents(ctx.db.sql, ctx.auth.user.id, input.cursor, input.limit)),
} satisfies TRPCRouterRecord;
