import { Prisma } from '@storesync/db';
import type { AuthedContext } from '../../dashboard/authed-context.ts';
import { customerBalanceSql, num, storeOf } from '../../dashboard/sql.ts';

interface Totals {
  outstanding: string | null;
  credit: string | null;
  owing: number;
  today_count: number;
  today_total: string | null;
  week_count: number;
  week_total: string | null;
  week_start: string;
}

/**
 * The overview's two queries: its totals, and the five who owe most. Each live customer's
 * balance probes their own entries by the keys (`customerBalanceSql`): with statistics that
 * have not yet seen a new store, the planner took the store for empty and read all of its
 * customers for each balance; the store's entries grouped at once still cost a sort of them all.
 * A customer without entries adds zeros, as one without a row of `balancesSql` did.
 */
export function overviewSql(userId: string, timeZone: string) {
  const balances = Prisma.sql`
    SELECT c.id, c.name, b.owed, b.credit FROM customers c
    CROSS JOIN LATERAL (${customerBalanceSql(userId, Prisma.sql`c.id`)}) b
    WHERE c.user_id = ${storeOf(userId)} AND c.deleted_at IS NULL`;
  return {
    totals: Prisma.sql`
    WITH balances AS (${balances}),
    bounds AS (
      SELECT date_trunc('day', now() AT TIME ZONE ${timeZone}) AT TIME ZONE ${timeZone} AS today,
             date_trunc('week', now() AT TIME ZONE ${timeZone}) AS week_local
    ),
    sold AS (
      SELECT s.sold_at, s.total FROM sales s, bounds
      WHERE s.user_id = ${storeOf(userId)} AND s.deleted_at IS NULL
        AND s.sold_at >= least(bounds.today, bounds.week_local AT TIME ZONE ${timeZone})
    )
    SELECT (SELECT sum(owed)::text FROM balances) AS outstanding,
           (SELECT sum(credit)::text FROM balances) AS credit,
           (SELECT count(*)::int FROM balances WHERE owed > 0) AS owing,
           (SELECT count(*)::int FROM sold, bounds WHERE sold_at >= bounds.today) AS today_count,
           (SELECT sum(total)::text FROM sold, bounds WHERE sold_at >= bounds.today) AS today_total,
           (SELECT count(*)::int FROM sold) AS week_count,
           (SELECT sum(total)::text FROM sold) AS week_total,
           (SELECT to_char(week_local, 'YYYY-MM-DD') FROM bounds) AS week_start`,
    top: Prisma.sql`
    SELECT b.id::text AS id, b.name, b.owed::text AS owed
    FROM (${balances}) b
    WHERE b.owed > 0 ORDER BY b.owed DESC, lower(b.name) LIMIT 5`,
  };
}

/**
 * The overview's figures: what live customers owe in all (never below zero: one customer's
 * credit does not lower it), the credit they hold, how many owe anything, sales today and this week (from Monday) in the owner's time zone,
 * and the five who owe most.
 */
export async function overview(ctx: AuthedContext, timeZone: string) {
  const userId = ctx.auth.user.id;
  const sql = overviewSql(userId, timeZone);
  const [totals] = await ctx.db.$queryRaw<Totals[]>(sql.totals);
  const top = await ctx.db.$queryRaw<{ id: string; name: string; owed: string }[]>(sql.top);
  return {
    outstanding: num(totals?.outstanding ?? null),
    credit: num(totals?.credit ?? null),
    customersOwing: totals?.owing ?? 0,
    salesToday: { count: totals?.today_count ?? 0, total: num(totals?.today_total ?? null) },
    salesThisWeek: {
      count: totals?.week_count ?? 0,
      total: num(totals?.week_total ?? null),
      since: totals?.week_start ?? '',
    },
    topDebtors: top.map((t) => ({ id: t.id, name: t.name, owed: num(t.owed) })),
  };
}
