/**
 * Each customer's three sums — live debts, the unpaid part of live sales, live
 * repayments — kept in `balances` by triggers, so a balance, a list sorted by
 * what is owed, or the book's totals are an indexed read, never a pass over the
 * whole book. The rule is `balancesByCustomer` in @storesync/schema (owed and
 * credit derive from the sums as `balanceOf` does); queries/reads.test.ts checks
 * the two agree on random books. Rows are written with upserts, never
 * `INSERT OR REPLACE`, whose implicit delete would fire no trigger.
 */

interface Source {
  table: 'debts' | 'payments' | 'sales';
  /** The `balances` column the table adds to. */
  column: 'debts' | 'unpaid' | 'payments';
  /** What a row adds, over `R` (NEW or OLD). */
  amount: (r: string) => string;
  /** Whether a row counts, over `R`. */
  counts: (r: string) => string;
}

const SOURCES: Source[] = [
  { table: 'debts', column: 'debts', amount: (r) => `${r}.amount`, counts: (r) => `${r}.deleted_at IS NULL` },
  {
    table: 'payments',
    column: 'payments',
    amount: (r) => `${r}.amount`,
    counts: (r) => `${r}.deleted_at IS NULL`,
  },
  {
    table: 'sales',
    column: 'unpaid',
    amount: (r) => `max(${r}.total - ${r}.paid_amount, 0)`,
    counts: (r) => `${r}.deleted_at IS NULL AND ${r}.customer_id IS NOT NULL`,
  },
];

const add = (s: Source, r: string) =>
  `INSERT INTO balances (customer_id, ${s.column}) SELECT ${r}.customer_id, ${s.amount(r)} WHERE ${s.counts(r)}
     ON CONFLICT (customer_id) DO UPDATE SET ${s.column} = ${s.column} + excluded.${s.column};`;
const take = (s: Source, r: string) =>
  `UPDATE balances SET ${s.column} = ${s.column} - ${s.amount(r)} WHERE customer_id = ${r}.customer_id AND ${s.counts(r)};`;

/** The table, its triggers and the sums of the rows already held (a migration's statements). */
export const BALANCE_STATEMENTS: string[] = [
  `CREATE TABLE balances (
    customer_id TEXT PRIMARY KEY NOT NULL,
    debts INTEGER NOT NULL DEFAULT 0,
    unpaid INTEGER NOT NULL DEFAULT 0,
    payments INTEGER NOT NULL DEFAULT 0
  )`,
  'CREATE INDEX balances_net_idx ON balances (debts + unpaid - payments)',
  ...SOURCES.flatMap((s) => [
    `CREATE TRIGGER ${s.table}_balance_insert AFTER INSERT ON ${s.table} BEGIN ${add(s, 'NEW')} END`,
    `CREATE TRIGGER ${s.table}_balance_delete AFTER DELETE ON ${s.table} BEGIN ${take(s, 'OLD')} END`,
    `CREATE TRIGGER ${s.table}_balance_update AFTER UPDATE ON ${s.table} BEGIN ${take(s, 'OLD')} ${add(s, 'NEW')} END`,
  ]),
  `INSERT INTO balances (customer_id, debts, unpaid, payments)
   SELECT customer_id, sum(d), sum(u), sum(p) FROM (
     SELECT customer_id, amount AS d, 0 AS u, 0 AS p FROM debts WHERE deleted_at IS NULL
     UNION ALL SELECT customer_id, 0, max(total - paid_amount, 0), 0 FROM sales
       WHERE deleted_at IS NULL AND customer_id IS NOT NULL
     UNION ALL SELECT customer_id, 0, 0, amount FROM payments WHERE deleted_at IS NULL
   ) GROUP BY customer_id`,
];
