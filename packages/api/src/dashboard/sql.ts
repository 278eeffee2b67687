import { Prisma } from '@storesync/db';

/** A timestamptz column as ISO-8601 UTC with milliseconds, the wire's format. */
export const isoOf = (column: string): Prisma.Sql =>
  Prisma.raw(`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

/**
 * The caller's store id as PostgreSQL should plan it: a subquery, not a value. Planned with the
 * value, a store newer than the statistics looks empty (the id is in none of their lists), and
 * the planner walks it with plans fit for a few rows, reading the store once per row; as a
 * subquery, the store is taken for an average one and its rows are reached by their keys.
 */
export const storeOf = (userId: string): Prisma.Sql => Prisma.sql`(SELECT ${userId}::uuid)`;

/**
 * Rows of live customers only (deleting a customer takes their ledger off the dashboard's
 * figures), checked row by row, for a query that has already picked its few rows by an
 * index: `OFFSET 0` keeps PostgreSQL from turning the check into a join, which, with statistics
 * that lag a growing store, it may drive from the customer and read all of the customer's rows.
 */
export const ofLiveCustomerEach = (alias: string, userId: string): Prisma.Sql => Prisma.sql`EXISTS (
  SELECT 1 FROM customers c WHERE c.user_id = ${storeOf(userId)} AND c.id = ${Prisma.raw(alias)}.customer_id
    AND c.deleted_at IS NULL OFFSET 0)`;

/**
 * One customer's balance by the rule of `balancesByCustomer` in `@storesync/schema` (a property
 * test pins the two together), as one row `(debts, unpaid_sales, payments,
 * net, owed, credit)` (zeros without live rows): each sum probes the customer's own rows by the
 * `(user_id, customer_id)` indexes, so a page of customers reads their entries only, whatever
 * the planner believes of the store's size. `customerId` is an SQL expression (a column of an
 * outer query, or a value).
 */
export const customerBalanceSql = (userId: string, customerId: Prisma.Sql): Prisma.Sql => {
  const store = storeOf(userId);
  return Prisma.sql`
  SELECT debts, unpaid_sales, payments, net, greatest(net, 0) AS owed, greatest(-net, 0) AS credit
  FROM (
    SELECT debts, unpaid_sales, payments, debts + unpaid_sales - payments AS net
    FROM (
      SELECT
        (SELECT COALESCE(sum(amount), 0) FROM debts
          WHERE user_id = ${store} AND customer_id = ${customerId} AND deleted_at IS NULL) AS debts,
        (SELECT COALESCE(sum(greatest(total - paid_amount, 0)), 0) FROM sales
          WHERE user_id = ${store} AND customer_id = ${customerId} AND deleted_at IS NULL) AS unpaid_sales,
        (SELECT COALESCE(sum(amount), 0) FROM payments
          WHERE user_id = ${store} AND customer_id = ${customerId} AND deleted_at IS NULL) AS payments
      -- OFFSET 0: flattened, each sum was probed once for each column that names it.
      OFFSET 0
    ) sums
  ) balance`;
};

/** Numeric and bigint aggregates come back as text; amounts fit a double exactly below 2^53. */
export const num = (v: string | number | bigint | null): number => (v === null ? 0 : Number(v));
