import { ReportInputSchema } from '@storesync/schema';
import type { TRPCRouterRecord } from '@trpc/server';
import { protectedProcedure } from '../../trpc.ts';
import { daily } from './daily.handler.ts';
import { overdueCustomers } from './overdue.handler.ts';
import { overview } from './overview.handler.ts';

/** The overview page's figures, aggregated in SQL over the caller's live rows. */
export const reportsRouter = {
  overview: protectedProcedure
    .input(ReportInputSchema.pick({ timeZone: true }))
    .query(({ ctx, input }) => overview(ctx, input.timeZone)),

  daily: protectedProcedure.input(ReportInputSchema).query(({ ctx, input }) => daily(ctx, input)),

  /** Who is overdue on the owner's today (`@storesync/schema`'s `overdueDebts`). */
  overdue: protectedProcedure
    .input(ReportInputSchema.pick({ timeZone: true }))
    .query(({ ctx, input }) => overdueCustomers(ctx, input.timeZone)),
} satisfies TRPCRouterRecord;
