import { Prisma } from '@storesync/db';
import { DEBT_DATE_SQL } from '@storesync/schema';
import type { AuthedContext } from '../../dashboard/authed-context.ts';
import { num, ofLiveCustomerEach, storeOf } from '../../dashboard/sql.ts';

interface DayRow {
  day: string;
  sales: string;
  sales_count: number;
  debts: string;
  payments: string;
}

/**
 * Per calendar day (in the owner's time zone) of the last `days` days, today
 * included: sales, new debt and repayments (of live customers), summed in SQL. Repayments are
 * money taken, so a write-off (a payment of kind `writeOff`) is not among them. Days without any
 * are zeros, so a chart has one point per day.
 */
export async function daily(ctx: AuthedContext, input: { timeZone: string; days: number }) {
  const rows = await ctx.db.$queryRaw<DayRow[]>(dailySql(ctx.auth.user.id, input.timeZone, input.days));
  return rows.map((r) => ({
    day: r.day,
    sales: num(r.sales),
    salesCount: r.sales_count,
    debts: num(r.debts),
    payments: num(r.payments),
  }));
}

/**
 * The daily report's query: it reads only the range's sales, debts and repayments, each found by
 * its store's date index (`(user_id, sold_at)`, `(user_id, recorded_at)`, `(user_id, paid_at)`),
 * and checks each debt's and repayment's customer by its key (plans.pg.test.ts). A debt is dated
 * by `debtDate` of `@storesync/schema` (its `recorded_at`, or `created_at` for a row without one).
 */
export function dailySql(userId: string, tz: string, days: number): Prisma.Sql {
  const store = storeOf(userId);
  return Prisma.sql`
    WITH range AS (
      SELECT (date_trunc('day', now() AT TIME ZONE ${tz}) - make_interval(days => ${days - 1}))
               AT TIME ZONE ${tz} AS start
    ),
    days AS (
      SELECT generate_series(0, ${days - 1}) AS n
    ),
    s AS (
      SELECT (sold_at AT TIME ZONE ${tz})::date AS day, sum(total) AS total, count(*)::int AS n
      FROM sales, range WHERE user_id = ${store} AND deleted_at IS NULL AND sold_at >= range.start
      GROUP BY 1
    ),
    d AS (
      SELECT (${Prisma.raw(DEBT_DATE_SQL)} AT TIME ZONE ${tz})::date AS day, sum(amount) AS total
      FROM debts d, range WHERE d.user_id = ${store} AND d.deleted_at IS NULL
        AND (d.recorded_at >= range.start OR (d.recorded_at IS NULL AND d.created_at >= range.start))
        AND ${ofLiveCustomerEach('d', userId)}
      GROUP BY 1
    ),
    p AS (
      SELECT (paid_at AT TIME ZONE ${tz})::date AS day, sum(amount) AS total
      FROM payments p, range WHERE p.user_id = ${store} AND p.deleted_at IS NULL
        AND p.paid_at >= range.start AND p.kind IS DISTINCT FROM 'writeOff' AND ${ofLiveCustomerEach('p', userId)}
      GROUP BY 1
    ),
    calendar AS (
      SELECT ((range.start AT TIME ZONE ${tz})::date + days.n) AS day FROM range, days
    )
    SELECT to_char(calendar.day, 'YYYY-MM-DD') AS day,
           COALESCE(s.total, 0)::text AS sales, COALESCE(s.n, 0) AS sales_count,
           COALESCE(d.total, 0)::text AS debts, COALESCE(p.total, 0)::text AS payments
    FROM calendar
    LEFT JOIN s ON s.day = calendar.day
    LEFT JOIN d ON d.day = calendar.day
    LEFT JOIN p ON p.day = calendar.day
    ORDER BY calendar.day`;
}
