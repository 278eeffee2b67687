import { customerTimeline as ledgerTimeline } from '@storesync/schema';
import type { AuthedContext } from '../../dashboard/authed-context.ts';
import { requireLive } from '../../dashboard/live-rows.ts';
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
import { balanceOfCustomer } from './balance.ts';

/**
 * One entry of a customer's history; `at` orders them, `effect` is what it added to
 * (or, negative, took off) what the customer owes, `balance` the net after it.
 */
type TimelineEntry = { at: string; effect: number; balance: number } & (
  | { kind: 'debt'; debt: DebtDto }
  | { kind: 'payment'; payment: PaymentDto }
  | { kind: 'sale'; sale: SaleDto }
);

/**
 * A customer's latest debts, payments and sales as one history, newest first: the debts by
 * when they were recorded, payments by `paidAt`, sales by `soldAt`, in the order and with the
 * effects of the shared `customerTimeline`. The running balance counts back from the
 * customer's whole balance, so it is right even when older entries are left out. A write-off
 * is a payment of kind `writeOff`, which the history names as one.
 */
export async function customerTimeline(ctx: AuthedContext, input: { id: string; limit: number }) {
  await requireLive(ctx, 'customers', input.id);
  const where = { userId: ctx.auth.user.id, customerId: input.id, deletedAt: null };
  const take = input.limit;
  const [debtRows, paymentRows, saleRows, balance] = await Promise.all([
    ctx.db.debt.findMany({ where, select: debtSelect, orderBy: { recordedAt: 'desc' }, take }),
    ctx.db.payment.findMany({ where, select: paymentSelect, orderBy: { paidAt: 'desc' }, take }),
    ctx.db.sale.findMany({ where, select: saleSelect, orderBy: { soldAt: 'desc' }, take }),
    balanceOfCustomer(ctx, input.id),
  ]);
  const live = { customerId: input.id, deletedAt: null };
  const debts = new Map(debtRows.map((d) => [d.id, toDebt(d)]));
  const payments = new Map(paymentRows.map((p) => [p.id, toPayment(p)]));
  const sales = new Map(saleRows.map((s) => [s.id, toSale(s, null)]));
  const timeline = ledgerTimeline(input.id, {
    debts: [...debts.values()].map((d) => ({ ...d, ...live })),
    payments: [...payments.values()].map((p) => ({ ...p, ...live })),
    sales: [...sales.values()].map((s) => ({ ...s, ...live })),
  });
  const offset = balance.owed - balance.credit - (timeline.at(-1)?.balance ?? 0);
  const entries: TimelineEntry[] = [];
  for (const e of timeline.reverse().slice(0, take)) {
    const common = { at: e.at, effect: e.effect, balance: e.balance + offset };
    const debt = debts.get(e.id);
    const payment = payments.get(e.id);
    const sale = sales.get(e.id);
    if (e.kind === 'debt' && debt) entries.push({ ...common, kind: 'debt', debt });
    if (e.kind === 'payment' && payment) entries.push({ ...common, kind: 'payment', payment });
    if (e.kind === 'sale' && sale) entries.push({ ...common, kind: 'sale', sale });
  }
  return entries;
}
