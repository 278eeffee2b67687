import type { AuthedContext } from '../../dashboard/authed-context.ts';
import { notFound } from '../../dashboard/live-rows.ts';
import { customerSelect, toCustomer } from '../../dashboard/rows.ts';
import { balanceOfCustomer } from './balance.ts';

/** One live customer of the caller's store, with their balance: what they owe, or their credit. */
export async function getCustomer(ctx: AuthedContext, id: string) {
  const userId = ctx.auth.user.id;
  const row = await ctx.db.customer.findFirst({
    where: { userId, id, deletedAt: null },
    select: customerSelect,
  });
  if (!row) throw notFound('customers');
  return { ...toCustomer(row), ...(await balanceOfCustomer(ctx, id)) };
}
