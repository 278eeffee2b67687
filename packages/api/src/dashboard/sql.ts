import { Prisma } from '@storesync/db';

/** A timestamptz column as ISO-8601 UTC with milliseconds, the wire's format. */
export const isoOf = (column: string): Prisma.Sql =>
  Prisma.raw(`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

/**
 * Each customer's balance: Σ live debts − Σ live payments, as rows
 * `(customer_id, balance)`. Customers with neither have no row.
 */
export const balancesSql = (userId: string): Prisma.Sql => Prisma.sql`
  SELECT customer_id, sum(amount) AS balance FROM (
    SELECT customer_id, amount FROM debts WHERE user_id = ${userId}::uuid AND deleted_at IS NULL
    UNION ALL
    SELECT customer_id, -amount FROM payments WHERE user_id = ${userId}::uuid AND deleted_at IS NULL
  ) ledger GROUP BY customer_id`;

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
