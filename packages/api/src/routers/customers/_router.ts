import {
  CustomerCreateInputSchema,
  CustomerListInputSchema,
  CustomerUpdateInputSchema,
  IdInputSchema,
  MAX_AMOUNT,
  uuidV7,
} from '@storesync/schema';
import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { editedFields, writeChange } from '../../dashboard/write.ts';
import { protectedProcedure } from '../../trpc.ts';
import { deleteCustomer } from './delete.handler.ts';
import { getCustomer } from './get.handler.ts';
import { listCustomers } from './list.handler.ts';
import { customerTimeline } from './timeline.handler.ts';
import { writeOff } from './write-off.handler.ts';

const TimelineInputSchema = IdInputSchema.extend({ limit: z.int().min(1).max(500).default(200) });

/** The dashboard's customers: reads scoped to the caller's store, writes through the sync path. */
export const customersRouter = {
  list: protectedProcedure
    .input(CustomerListInputSchema)
    .query(({ ctx, input }) => listCustomers(ctx, input)),

  get: protectedProcedure.input(IdInputSchema).query(({ ctx, input }) => getCustomer(ctx, input.id)),

  timeline: protectedProcedure
    .input(TimelineInputSchema)
    .query(({ ctx, input }) => customerTimeline(ctx, input)),

  create: protectedProcedure
    .input(CustomerCreateInputSchema)
    .mutation(({ ctx, input }) =>
      writeChange(ctx, { entity: 'customers', entityId: uuidV7(), op: 'upsert', payload: input }),
    ),

  update: protectedProcedure.input(CustomerUpdateInputSchema).mutation(async ({ ctx, input }) => {
    const edit = editedFields(input);
    return writeChange(ctx, { entity: 'customers', entityId: input.id, op: 'upsert', ...edit });
  }),

  delete: protectedProcedure.input(IdInputSchema).mutation(({ ctx, input }) => deleteCustomer(ctx, input.id)),

  /** Writes off the balance the owner was shown (`net`: owed, or negative: credit), before a delete. */
  writeOff: protectedProcedure
    .input(IdInputSchema.extend({ net: z.int().min(-MAX_AMOUNT).max(MAX_AMOUNT) }))
    .mutation(({ ctx, input }) => writeOff(ctx, input)),
} satisfies TRPCRouterRecord;
