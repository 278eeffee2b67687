import type { AuthedContext } from '../../dashboard/authed-context.ts';
import { notFound } from '../../dashboard/live-rows.ts';
import { customerSelect, toCustomer } from '../../dashboard/rows.ts';

/** One live customer of the caller's store, with what they owe. */
export async function getCustomer(ctx: AuthedContext, id: string) {
  const userId = ctx.auth.user.id;
  const row = await ctx.db.customer.findFirst({
    where: { userId, id, deletedAt: null },
    select: customerSelect,
  });
  if (!row) throw notFound('customers');
  const live = { userId, customerId: id, deletedAt: null };
  const [debts, payments] = await Promise.all([
    ctx.db.debt.aggregate({ where: live, _sum: { amount: true } }),
    ctx.db.payment.aggregate({ where: live, _sum: { amount: true } }),
  ]);
  const owed = Number(debts._sum.amount ?? 0);
  const paid = Number(payments._sum.amount ?? 0);
  return { ...toCustomer(row), owed, paid, balance: owed - paid };
}
