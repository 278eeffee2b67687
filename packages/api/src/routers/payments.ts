import {
  IdInputSchema,
  LedgerListInputSchema,
  PaymentCreateInputSchema,
  PaymentUpdateInputSchema,
  uuidV7,
} from '@storesync/schema';
import type { TRPCRouterRecord } from '@trpc/server';
import { debtOf, notFound } from '../dashboard/live-rows.ts';
import { liveRowsWhere, pageOf } from '../dashboard/page.ts';
import { paymentSelect, toPayment } from '../dashboard/rows.ts';
import { editedFields, writeChange } from '../dashboard/write.ts';
import { protectedProcedure } from '../trpc.ts';

/** Repayments, each its own row; reads scoped to the caller's store, writes through the sync path. */
export const paymentsRouter = {
  list: protectedProcedure.input(LedgerListInputSchema).query(async ({ ctx, input }) => {
    const where = liveRowsWhere(ctx.auth.user.id, input.customerId);
    const [rows, total] = await Promise.all([
      ctx.db.payment.findMany({
        where,
        select: paymentSelect,
        orderBy: [{ paidAt: 'desc' }, { id: 'asc' }],
        skip: input.cursor,
        take: input.limit,
      }),
      ctx.db.payment.count({ where }),
    ]);
    return pageOf(rows.map(toPayment), total, input.cursor);
  }),

  get: protectedProcedure.input(IdInputSchema).query(async ({ ctx, input }) => {
    const row = await ctx.db.payment.findFirst({
      where: { userId: ctx.auth.user.id, id: input.id, deletedAt: null },
      select: paymentSelect,
    });
    if (!row) throw notFound('payments');
    return toPayment(row);
  }),

  create: protectedProcedure.input(PaymentCreateInputSchema).mutation(async ({ ctx, input }) => {
    const payload = { ...input, paidAt: input.paidAt ?? new Date().toISOString() };
    const require = debtOf(input.debtId, input.customerId);
    return writeChange(ctx, { entity: 'payments', entityId: uuidV7(), op: 'upsert', payload, require });
  }),

  update: protectedProcedure.input(PaymentUpdateInputSchema).mutation(async ({ ctx, input }) => {
    const edit = editedFields(input);
    const current = await ctx.db.payment.findFirst({
      where: { userId: ctx.auth.user.id, id: input.id, deletedAt: null },
      select: { customerId: true },
    });
    if (!current) throw notFound('payments');
    const require = debtOf(input.debtId, current.customerId);
    return writeChange(ctx, { entity: 'payments', entityId: input.id, op: 'upsert', ...edit, require });
  }),

  delete: protectedProcedure.input(IdInputSchema).mutation(async ({ ctx, input }) => {
    return writeChange(ctx, { entity: 'payments', entityId: input.id, op: 'delete' });
  }),
} satisfies TRPCRouterRecord;
