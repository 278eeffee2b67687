/**
 * What a stretch of the owner's time comes to — the phone's Today, the dashboard overview's
 * today and this week — in one place. The rule: live sales (of any customer, walk-ins included)
 * sold in `[from, to)`, counted and summed at their totals; money taken is what was paid at
 * those sales plus the live repayments paid in `[from, to)`, a write-off being no money taken.
 * Amounts are integer minor units; bounds and times ISO-8601.
 *
 * The phone reads it from SQLite (`packages/sync-client/src/queries/sql-reads.ts`), the server
 * from PostgreSQL (the overview's query); property tests check both against `periodFigures`.
 */

export interface PeriodFigures {
  salesCount: number;
  salesTotal: number;
  /** Paid parts of sales plus repayments; write-offs are no money taken. */
  taken: number;
}

/** The rows the figures are made of, as the server stores them or a phone keeps them. */
export interface PeriodInput {
  sales: readonly { total: number; paidAmount: number; soldAt: string; deletedAt: string | null }[];
  payments: readonly { amount: number; paidAt: string; kind?: string | null; deletedAt: string | null }[];
}

/** The figures of `[from, to)`, over live rows. */
export function periodFigures(rows: PeriodInput, from: string, to: string): PeriodFigures {
  const start = Date.parse(from);
  const end = Date.parse(to);
  const within = (at: string) => {
    const t = Date.parse(at);
    return t >= start && t < end;
  };
  const sales = rows.sales.filter((s) => s.deletedAt === null && within(s.soldAt));
  const repayments = rows.payments.filter(
    (p) => p.deletedAt === null && p.kind !== 'writeOff' && within(p.paidAt),
  );
  const sum = <T>(xs: readonly T[], f: (x: T) => number) => xs.reduce((n, x) => n + f(x), 0);
  return {
    salesCount: sales.length,
    salesTotal: sum(sales, (s) => s.total),
    taken: sum(sales, (s) => s.paidAmount) + sum(repayments, (p) => p.amount),
  };
}
