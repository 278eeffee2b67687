import {
  DebtCreateInputSchema,
  DebtUpdateInputSchema,
  IdInputSchema,
  LedgerListInputSchema,
  uuidV7,
} from '@storesync/schema';
import type { TRPCRouterRecord } from '@trpc/server';
import { notFound } from '../dashboard/live-rows.ts';
import { liveRowsWhere, pageOf } from '../dashboard/page.ts';
import { debtSelect, toDebt } from '../dashboard/rows.ts';
import { editedFields, writeChange } from '../dashboard/write.ts';
import { protectedProcedure } from '../trpc.ts';

/** What customers owe, one row per debt; reads scoped to the caller's store, writes through the sync path. */
export const debtsRouter = {
  list: protectedProcedure.input(LedgerListInputSchema).query(async ({ ctx, input }) => {
    const where = liveRowsWhere(ctx.auth.user.id, input.customerId);
    const [rows, total] = await Promise.all([
      ctx.db.debt.findMany({
        where,
        select: debtSelect,
        orderBy: [{ recordedAt: 'desc' }, { id: 'asc' }],
        skip: input.cursor,
        take: input.limit,
      }),
      ctx.db.debt.count({ where }),
    ]);
    const items = rows.map(toDebt);
    return pageOf(items, total, input.cursor);
  }),

  get: protectedProcedure.input(IdInputSchema).query(async ({ ctx, input }) => {
    const row = await ctx.db.debt.findFirst({
      where: { userId: ctx.auth.user.id, id: input.id, deletedAt: null },
      select: debtSelect,
    });
    if (!row) throw notFound('debts');
    return toDebt(row);
  }),

  create: protectedProcedure.input(DebtCreateInputSchema).mutation(async ({ ctx, input }) => {
    return writeChange(ctx, { entity: 'debts', entityId: uuidV7(), op: 'upsert', payload: input });
  }),

  update: protectedProcedure.input(DebtUpdateInputSchema).mutation(async ({ ctx, input }) => {
    const edit = editedFields(input);
    return writeChange(ctx, { entity: 'debts', entityId: input.id, op: 'upsert', ...edit });
  }),

  delete: protectedProcedure.input(IdInputSchema).mutation(async ({ ctx, input }) => {
    return writeChange(ctx, { entity: 'debts', entityId: input.id, op: 'delete' });
  }),
} satisfies TRPCRouterRecord;
