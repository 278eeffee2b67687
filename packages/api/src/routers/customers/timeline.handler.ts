import type { AuthedContext } from '../../dashboard/authed-context.ts';
import { requireLive } from '../../dashboard/live-rows.ts';
import { debtRecordedAt } from '../../dashboard/recorded-at.ts';
import {
  type DebtDto,
  debtSelect,
  type PaymentDto,
  paymentSelect,
  type SaleDto,
  saleSelect,
  toDebt,
  toPayment,
  toSale,
} from '../../dashboard/rows.ts';

/** One entry of a customer's history; `at` orders them. */
type TimelineEntry =
  | { kind: 'debt'; at: string; debt: DebtDto }
  | { kind: 'payment'; at: string; payment: PaymentDto }
  | { kind: 'sale'; at: string; sale: SaleDto };

/**
 * A customer's debts, payments and sales as one history, newest first: the
 * debts by when they were recorded, payments by `paidAt`, sales by `soldAt`.
 */
export async function customerTimeline(ctx: AuthedContext, input: { id: string; limit: number }) {
  await requireLive(ctx, 'customers', input.id);
  const where = { userId: ctx.auth.user.id, customerId: input.id, deletedAt: null };
  const take = input.limit;
  const [debts, payments, sales] = await Promise.all([
    ctx.db.debt.findMany({ where, select: debtSelect, orderBy: { createdAt: 'desc' }, take }),
    ctx.db.payment.findMany({ where, select: paymentSelect, orderBy: { paidAt: 'desc' }, take }),
    ctx.db.sale.findMany({ where, select: saleSelect, orderBy: { soldAt: 'desc' }, take }),
  ]);
  const recorded = await debtRecordedAt(ctx, debts);
  const entries: TimelineEntry[] = [
    ...debts.map((d) => {
      const debt = toDebt(d, recorded.get(d.id) ?? d.createdAt.toISOString());
      return { kind: 'debt' as const, at: debt.recordedAt, debt };
    }),
    ...payments.map((p) => {
      const payment = toPayment(p);
      return { kind: 'payment' as const, at: payment.paidAt, payment };
    }),
    ...sales.map((s) => {
      const sale = toSale(s, null);
      return { kind: 'sale' as const, at: sale.soldAt, sale };
    }),
  ];
  entries.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  return entries.slice(0, take);
}
