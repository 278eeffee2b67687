import type { Row } from '../rows.ts';
import type { SqlDriver, SqlValue } from '../storage/sql-driver.ts';
import { rowFromRecord } from '../storage/sql-rows.ts';

/** Each entry table and the time its history shows (a debt's is when it was recorded). */
const ENTRIES = [
  ['sales', 'sold_at'],
  ['payments', 'paid_at'],
  ['debts', 'created_at'],
] as const;

/**
 * Live customers by their latest live entry, latest first, ties by id (BookReads.recentCustomers).
 * It reads only the newest `window` entries of each table, walking their time indexes: every
 * entry later than the frontier (the latest time at which a table's window was cut) is in the
 * windows, so a customer whose newest entry there is later than it is placed exactly, and comes
 * before anyone else. Too few such customers: the window doubles (`firstWindow` is for tests).
 */
export async function sqlRecentCustomers(
  db: SqlDriver,
  limit: number,
  firstWindow = limit * 2,
): Promise<Row<'customers'>[]> {
  if (limit <= 0) return [];
  for (let window = Math.max(firstWindow, 1); ; window *= 2) {
    const latest = new Map<string, string>();
    let frontier = '';
    for (const [table, at] of ENTRIES) {
      const rows = await db.all<{ customer_id: string; at: string }>(
        `SELECT customer_id, ${at} AS at FROM ${table}
          WHERE deleted_at IS NULL AND customer_id IS NOT NULL ORDER BY ${at} DESC LIMIT ?`,
        [window],
      );
      const last = rows.at(-1);
      if (rows.length === window && last && last.at > frontier) frontier = last.at;
      for (const r of rows) if ((latest.get(r.customer_id) ?? '') < r.at) latest.set(r.customer_id, r.at);
    }
    const placed = [...latest].filter(([, at]) => at > frontier);
    const ids = placed.map(([id]) => id);
    const live = await db.all<Record<string, SqlValue>>(
      `SELECT * FROM customers WHERE deleted_at IS NULL AND id IN (SELECT value FROM json_each(?))`,
      [JSON.stringify(ids)],
    );
    // Done when enough are placed, or when no table was cut (every entry was read).
    if (live.length >= limit || frontier === '') {
      const at = (r: Record<string, SqlValue>) => latest.get(String(r.id)) ?? '';
      return live
        .sort((a, b) => (at(a) < at(b) ? 1 : at(a) > at(b) ? -1 : String(a.id) < String(b.id) ? -1 : 1))
        .slice(0, limit)
        .map((r) => rowFromRecord('customers', r) as Row<'customers'>);
    }
  }
}
