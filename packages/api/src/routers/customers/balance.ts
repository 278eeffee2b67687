import { Prisma } from '@storesync/db';
import { type Balance, balanceOf } from '@storesync/schema';
import type { AuthedContext } from '../../dashboard/authed-context.ts';
import { customerBalanceSql, num } from '../../dashboard/sql.ts';

interface Sums {
  debts: string;
  unpaid_sales: string;
  payments: string;
}

/**
 * One customer's balance: the sums of `customerBalanceSql` (their own entries, by their keys),
 * turned into owed and credit by the shared rule's `balanceOf`. Zeros for a customer without
 * live rows.
 */
export async function balanceOfCustomer(ctx: AuthedContext, customerId: string): Promise<Balance> {
  const [sums] = await ctx.db.$queryRaw<Sums[]>`
    SELECT debts::text, unpaid_sales::text, payments::text
    FROM (${customerBalanceSql(ctx.auth.user.id, Prisma.sql`${customerId}::uuid`)}) b`;
  return balanceOf(num(sums?.debts ?? null), num(sums?.unpaid_sales ?? null), num(sums?.payments ?? null));
}
