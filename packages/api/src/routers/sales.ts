import {
  describeSaleViolation,
  IdInputSchema,
  SALE_RULE_FIELDS,
  SaleCreateInputSchema,
  type SaleFigures,
  SaleItemSchema,
  SaleListInputSchema,
  SaleUpdateInputSchema,
  saleTotal,
  saleViolation,
  uuidV7,
} from '@storesync/schema';
import type { TRPCRouterRecord } from '@trpc/server';
import type { AuthedContext } from '../dashboard/authed-context.ts';
import { notFound } from '../dashboard/live-rows.ts';
import { liveRowsWhere, pageOf } from '../dashboard/page.ts';
import { saleSelect, toSale } from '../dashboard/rows.ts';
import { editedFields, writeChange } from '../dashboard/write.ts';
import { RefusedError } from '../errors.ts';
import { protectedProcedure } from '../trpc.ts';

/** Names of the live customers among these ids, for showing who bought. */
async function customerNames(ctx: AuthedContext, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await ctx.db.customer.findMany({
    where: { userId: ctx.auth.user.id, id: { in: wanted }, deletedAt: null },
    select: { id: true, name: true },
  });
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The sale rules every door holds a sale to (`saleViolation`), on the sale as it would be stored. */
function checkSale(sale: SaleFigures): void {
  const v = saleViolation(sale);
  if (v) {
    const params = { entity: 'sales', field: v.field };
    throw new RefusedError({
      code: 'BAD_REQUEST',
      reason: v.code,
      message: describeSaleViolation(v),
      params,
    });
  }
}

/** Sales with their line items; the total is always computed from the items here. */
export const salesRouter = {
  list: protectedProcedure.input(SaleListInputSchema).query(async ({ ctx, input }) => {
    const where = {
      ...liveRowsWhere(ctx.auth.user.id, input.customerId),
      ...((input.from || input.to) && {
        soldAt: { ...(input.from && { gte: input.from }), ...(input.to && { lt: input.to }) },
      }),
    };
    const [rows, total] = await Promise.all([
      ctx.db.sale.findMany({
        where,
        select: saleSelect,
        orderBy: [{ soldAt: 'desc' }, { id: 'asc' }],
        skip: input.cursor,
        take: input.limit,
      }),
      ctx.db.sale.count({ where }),
    ]);
    const names = await customerNames(
      ctx,
      rows.map((r) => r.customerId),
    );
    const items = rows.map((r) => toSale(r, r.customerId ? (names.get(r.customerId) ?? null) : null));
    return pageOf(items, total, input.cursor);
  }),

  get: protectedProcedure.input(IdInputSchema).query(async ({ ctx, input }) => {
    const row = await ctx.db.sale.findFirst({
      where: { userId: ctx.auth.user.id, id: input.id, deletedAt: null },
      select: saleSelect,
    });
    if (!row) throw notFound('sales');
    const names = await customerNames(ctx, [row.customerId]);
    return toSale(row, row.customerId ? (names.get(row.customerId) ?? null) : null);
  }),

  create: protectedProcedure.input(SaleCreateInputSchema).mutation(async ({ ctx, input }) => {
    const payload = {
      ...input,
      total: saleTotal(input.items),
      soldAt: input.soldAt ?? new Date().toISOString(),
    };
    checkSale({ ...payload, customerId: payload.customerId ?? null });
    return writeChange(ctx, { entity: 'sales', entityId: uuidV7(), op: 'upsert', payload });
  }),

  update: protectedProcedure.input(SaleUpdateInputSchema).mutation(async ({ ctx, input }) => {
    const edit = editedFields(input);
    const current = await ctx.db.sale.findFirst({
      where: { userId: ctx.auth.user.id, id: input.id, deletedAt: null },
      select: { items: true, total: true, paidAmount: true, customerId: true },
    });
    if (!current) throw notFound('sales');
    const total = input.items ? saleTotal(input.items) : Number(current.total);
    // As the push does: only an edit of what the rules read is held to them.
    if (SALE_RULE_FIELDS.some((f) => f in edit.payload))
      checkSale({
        items: input.items ?? SaleItemSchema.array().parse(current.items),
        total,
        paidAmount: input.paidAmount ?? Number(current.paidAmount),
        customerId: input.customerId === undefined ? current.customerId : input.customerId,
      });
    if (input.items) {
      edit.payload.total = total;
      edit.updatedFields.push('total');
    }
    return writeChange(ctx, { entity: 'sales', entityId: input.id, op: 'upsert', ...edit });
  }),

  delete: protectedProcedure.input(IdInputSchema).mutation(async ({ ctx, input }) => {
    return writeChange(ctx, { entity: 'sales', entityId: input.id, op: 'delete' });
  }),
} satisfies TRPCRouterRecord;
