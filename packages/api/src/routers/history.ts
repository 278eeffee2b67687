import { UuidSchema } from '@storesync/schema';
import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { HISTORY_ENTITIES, historyOfRow } from '../history/row-history.ts';
import { protectedProcedure } from '../trpc.ts';

/** Each row's history from the change log, scoped to the caller's store. */
export const historyRouter = {
  row: protectedProcedure
    .input(z.object({ entity: z.enum(HISTORY_ENTITIES), id: UuidSchema }))
    .query(({ ctx, input }) => historyOfRow(ctx, input.entity, input.id)),
} satisfies TRPCRouterRecord;
