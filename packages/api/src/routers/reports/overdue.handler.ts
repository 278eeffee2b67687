import { type DueDebt, dayIn, overdueDebts } from '@storesync/schema';
import type { AuthedContext } from '../../dashboard/authed-context.ts';
import { num } from '../../dashboard/sql.ts';

interface PastDueRow {
  id: string;
  customer_id: string;
  name: string;
  amount: bigint;
  due_date: string;
}

/**
 * Who is overdue on the owner's today, by the shared rule of `overdueDebts`: each live
 * customer with a debt past its due date that repayments have not covered, with the amount
 * overdue and the earliest due date still unpaid; most overdue first.
 */
export async function overdueCustomers(ctx: AuthedContext, timeZone: string) {
  const userId = ctx.auth.user.id;
  const today = dayIn(timeZone);
  const pastDue = await ctx.db.$queryRaw<PastDueRow[]>`
    SELECT d.id, d.customer_id, c.name, d.amount, to_char(d.due_date, 'YYYY-MM-DD') AS due_date
    FROM debts d
    JOIN customers c ON c.user_id = d.user_id AND c.id = d.customer_id AND c.deleted_at IS NULL
    WHERE d.user_id = ${userId}::uuid AND d.deleted_at IS NULL AND d.due_date < ${today}::date`;
  const customerIds = [...new Set(pastDue.map((d) => d.customer_id))];
  if (customerIds.length === 0) return [];
  const paid = await ctx.db.$queryRaw<{ customer_id: string; paid: string }[]>`
    SELECT p.customer_id, sum(p.amount)::text AS paid FROM payments p
    WHERE p.user_id = ${userId}::uuid AND p.deleted_at IS NULL AND p.customer_id = ANY(${customerIds}::uuid[])
    GROUP BY p.customer_id`;
  const paidBy = new Map(paid.map((p) => [p.customer_id, num(p.paid)]));
  const byCustomer = new Map<string, { name: string; debts: DueDebt[] }>();
  for (const d of pastDue) {
    const entry = byCustomer.get(d.customer_id) ?? { name: d.name, debts: [] };
    entry.debts.push({ id: d.id, amount: num(d.amount), dueDate: d.due_date });
    byCustomer.set(d.customer_id, entry);
  }
  return [...byCustomer]
    .map(([id, { name, debts }]) => {
      const { total, byDebt } = overdueDebts(debts, paidBy.get(id) ?? 0, today);
      const since = debts.filter((d) => byDebt.has(d.id)).map((d) => d.dueDate ?? '');
      return { id, name, overdue: total, since: since.sort()[0] ?? today };
    })
    .filter((c) => c.overdue > 0)
    .sort((a, b) => b.overdue - a.overdue || a.name.localeCompare(b.name));
}
