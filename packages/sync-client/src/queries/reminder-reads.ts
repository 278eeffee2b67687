import { balancesByCustomer, type Entity, nameSortKey, overdueDebts } from '@storesync/schema';
import type { Row } from '../rows.ts';
import type { SqlDriver, SqlValue } from '../storage/sql-driver.ts';
import { rowFromRecord } from '../storage/sql-rows.ts';

/** A customer to remind: what they owe, the overdue part of it, and when they were last reminded. */
export interface RemindRow {
  customer: Row<'customers'>;
  owed: number;
  /** `overdueAmount` of @storesync/schema on the day asked for; 0 when nothing is past due. */
  overdue: number;
  /** The latest live reminder's `sentAt`; null when never reminded. */
  lastRemindedAt: string | null;
}

/** The reads of getting paid (issue 22 §2): who to remind, and what was sent. */
export interface ReminderReads {
  /**
   * Live customers who owe and either have an overdue amount on `today` (`YYYY-MM-DD`) or have
   * not been reminded since `since` (ISO-8601 UTC; never reminded counts), most owed first (ties
   * by name as `customers` sorts, then id), at most `limit`, and how many there are.
   */
  toRemind(today: string, since: string, limit: number): Promise<{ rows: RemindRow[]; count: number }>;
  /** One customer's live reminders, newest first (`sentAt`, then id). */
  customerReminders(customerId: string): Promise<Row<'reminders'>[]>;
  /** The latest live reminder's `sentAt` of each of these customers that has one. */
  lastReminded(customerIds: readonly string[]): Promise<Record<string, string>>;
  /** The customer's live link that expires last, if it expires after `now` (ISO-8601 UTC). */
  liveLink(customerId: string, now: string): Promise<Row<'links'> | null>;
}

type Rec = Record<string, SqlValue>;

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The reminder reads on the SQL store: the kept `balances`, the due-date and reminder indexes. */
export function createSqlReminderReads(db: SqlDriver): ReminderReads {
  return {
    async toRemind(today, since, limit) {
      const list = `SELECT c.*, b.debts + b.unpaid - b.payments AS owed,
          max(coalesce(d.past, 0) - b.payments, 0) AS overdue, r.last AS last_reminded
        FROM balances b
        JOIN customers c ON c.id = b.customer_id AND c.deleted_at IS NULL
        LEFT JOIN (SELECT customer_id, sum(amount) AS past FROM debts
          WHERE deleted_at IS NULL AND due_date IS NOT NULL AND due_date < ? GROUP BY customer_id) d
          ON d.customer_id = b.customer_id
        LEFT JOIN (SELECT customer_id, max(sent_at) AS last FROM reminders
          WHERE deleted_at IS NULL GROUP BY customer_id) r ON r.customer_id = b.customer_id
        WHERE b.debts + b.unpaid - b.payments > 0
          AND (coalesce(d.past, 0) > b.payments OR r.last IS NULL OR r.last < ?)`;
      const rows = await db.all<Rec>(`${list} ORDER BY owed DESC, c.name_key, c.name, c.id LIMIT ?`, [
        today,
        since,
        limit,
      ]);
      const count = await db.all<Rec>(`SELECT count(*) AS n FROM (${list})`, [today, since]);
      return {
        rows: rows.map((r) => ({
          customer: rowFromRecord('customers', r) as Row<'customers'>,
          owed: Number(r.owed),
          overdue: Number(r.overdue),
          lastRemindedAt: r.last_reminded == null ? null : String(r.last_reminded),
        })),
        count: Number(count[0]?.n ?? 0),
      };
    },
    async customerReminders(customerId) {
      const rows = await db.all<Rec>(
        `SELECT * FROM reminders WHERE customer_id = ? AND deleted_at IS NULL ORDER BY sent_at DESC, id DESC`,
        [customerId],
      );
      return rows.map((r) => rowFromRecord('reminders', r) as Row<'reminders'>);
    },
    async lastReminded(customerIds) {
      if (customerIds.length === 0) return {};
      const rows = await db.all<Rec>(
        `SELECT customer_id, max(sent_at) AS last FROM reminders
          WHERE deleted_at IS NULL AND customer_id IN (SELECT value FROM json_each(?)) GROUP BY customer_id`,
        [JSON.stringify(customerIds)],
      );
      return Object.fromEntries(rows.map((r) => [String(r.customer_id), String(r.last)]));
    },
    async liveLink(customerId, now) {
      const rows = await db.all<Rec>(
        `SELECT * FROM links WHERE customer_id = ? AND deleted_at IS NULL AND expires_at > ?
          ORDER BY expires_at DESC, id DESC LIMIT 1`,
        [customerId, now],
      );
      return rows[0] ? (rowFromRecord('links', rows[0]) as Row<'links'>) : null;
    },
  };
}

/** The same reads over rows in memory, by the shared rules as written: the oracle of the SQL ones. */
export function createMemoryReminderReads(rowsOf: <E extends Entity>(entity: E) => Row<E>[]): ReminderReads {
  const live = <E extends Entity>(entity: E) => rowsOf(entity).filter((r) => r.deletedAt === null);
  const latest = () => {
    const last = new Map<string, string>();
    for (const r of live('reminders'))
      if ((last.get(r.customerId) ?? '') < r.sentAt) last.set(r.customerId, r.sentAt);
    return last;
  };
  return {
    async toRemind(today, since, limit) {
      const balances = balancesByCustomer({
        debts: rowsOf('debts'),
        payments: rowsOf('payments'),
        sales: rowsOf('sales'),
      });
      const last = latest();
      const debts = live('debts');
      const rows = live('customers')
        .flatMap((customer): RemindRow[] => {
          const balance = balances.get(customer.id);
          if (!balance || balance.owed <= 0) return [];
          const mine = debts.filter((d) => d.customerId === customer.id);
          const overdue = overdueDebts(mine, balance.payments, today).total;
          const lastRemindedAt = last.get(customer.id) ?? null;
          const due = overdue > 0 || lastRemindedAt === null || lastRemindedAt < since;
          return due ? [{ customer, owed: balance.owed, overdue, lastRemindedAt }] : [];
        })
        .sort(
          (a, b) =>
            b.owed - a.owed ||
            cmp(nameSortKey(a.customer.name), nameSortKey(b.customer.name)) ||
            cmp(a.customer.name, b.customer.name) ||
            cmp(a.customer.id, b.customer.id),
        );
      return { rows: rows.slice(0, limit), count: rows.length };
    },
    customerReminders: async (customerId) =>
      live('reminders')
        .filter((r) => r.customerId === customerId)
        .sort((a, b) => cmp(b.sentAt, a.sentAt) || cmp(b.id, a.id)),
    async lastReminded(customerIds) {
      const last = latest();
      const out: Record<string, string> = {};
      for (const id of customerIds) {
        const sentAt = last.get(id);
        if (sentAt) out[id] = sentAt;
      }
      return out;
    },
    liveLink: async (customerId, now) =>
      live('links')
        .filter((l) => l.customerId === customerId && l.expiresAt > now)
        .sort((a, b) => cmp(b.expiresAt, a.expiresAt) || cmp(b.id, a.id))[0] ?? null,
  };
}
