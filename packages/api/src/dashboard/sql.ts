import { Prisma } from '@storesync/db';

/** A timestamptz column as ISO-8601 UTC with milliseconds, the wire's format. */
export const isoOf = (column: string): Prisma.Sql =>
  Prisma.raw(`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

/**
 * Each customer's balance over live rows, by the rule of `balancesByCustomer` in
 * `@storesync/schema` (a property test pins the two together): rows `(customer_id, debts,
 * unpaid_sales, payments, net, owed, credit)`, net = debts + unpaid part of sales − payments,
 * owed = max(net, 0), credit = max(−net, 0). Customers without live rows have no row.
 */
export const balancesSql = (userId: string): Prisma.Sql => Prisma.sql`
  SELECT customer_id, debts, unpaid_sales, payments, net,
         greatest(net, 0) AS owed, greatest(-net, 0) AS credit
  FROM (
    SELECT customer_id, sum(debt) AS debts, sum(unpaid) AS unpaid_sales, sum(paid) AS payments,
           sum(debt) + sum(unpaid) - sum(paid) AS net
    FROM (
      SELECT customer_id, amount AS debt, 0 AS unpaid, 0 AS paid
      FROM debts WHERE user_id = ${userId}::uuid AND deleted_at IS NULL
      UNION ALL
      SELECT customer_id, 0, greatest(total - paid_amount, 0), 0
      FROM sales WHERE user_id = ${userId}::uuid AND deleted_at IS NULL AND customer_id IS NOT NULL
      UNION ALL
      SELECT customer_id, 0, 0, amount
      FROM payments WHERE user_id = ${userId}::uuid AND deleted_at IS NULL
    ) ledger GROUP BY customer_id
  ) sums`;

/** Rows of live customers only: deleting a customer takes their ledger off the dashboard's figures. */
export const ofLiveCustomer = (alias: string, userId: string): Prisma.Sql => Prisma.sql`EXISTS (
  SELECT 1 FROM customers c WHERE c.user_id = ${userId}::uuid AND c.id = ${Prisma.raw(alias)}.customer_id
    AND c.deleted_at IS NULL)`;

/**
 * Live debts of live customers with the time they were recorded, as rows
 * `(id, customer_id, amount, recorded_at)`.
 * A debt has no date field of its own; the clock of the event that created it says
 * when the owner typed it in, even if the phone was offline and synced days later.
 */
export const debtsRecordedSql = (userId: string): Prisma.Sql => Prisma.sql`
  SELECT d.id, d.customer_id, d.amount, COALESCE(f.first_at, d.created_at) AS recorded_at
  FROM debts d
  LEFT JOIN (
    SELECT entity_id, min(client_updated_at) AS first_at FROM sync_events
    WHERE user_id = ${userId}::uuid AND entity = 'debts' AND op = 'upsert' GROUP BY entity_id
  ) f ON f.entity_id = d.id
  WHERE d.user_id = ${userId}::uuid AND d.deleted_at IS NULL AND ${ofLiveCustomer('d', userId)}`;

/** Numeric and bigint aggregates come back as text; amounts fit a double exactly below 2^53. */
export const num = (v: string | number | bigint | null): number => (v === null ? 0 : Number(v));
