import { UuidSchema } from '@storesync/schema';
import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { protectedProcedure } from '../trpc.ts';
import { listDeleted } from './deleted-list.ts';
import { restoreDeleted } from './deleted-restore.ts';

const RestoreInputSchema = z.object({
  entity: z.enum(['customers', 'debts', 'payments', 'sales']),
  id: UuidSchema,
});

/** Recently deleted rows of the caller's store, and bringing one back through the sync path. */
export const deletedRouter = {
  list: protectedProcedure.query(({ ctx }) => listDeleted(ctx)),

  restore: protectedProcedure
    .input(RestoreInputSchema)
    .mutation(({ ctx, input }) => restoreDeleted(ctx, input.entity, input.id)),
} satisfies TRPCRouterRecord;
