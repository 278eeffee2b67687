/**
 * The one date a debt shows everywhere (phone, dashboard, reports, statements):
 * when it was taken on, `recordedAt`, which the recording device sets. Rows from
 * before that field have none and read as their `createdAt` — the server's
 * backfill gave them that same value, so every reader agrees.
 */
export const debtDate = (debt: { recordedAt?: string | null; createdAt: string }): string =>
  debt.recordedAt ?? debt.createdAt;

/** `debtDate` in SQL, for a debts row's columns (PostgreSQL and SQLite alike). */
export const DEBT_DATE_SQL = 'COALESCE(recorded_at, created_at)';
