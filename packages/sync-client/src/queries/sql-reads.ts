import { balanceOf, type Entity, nameSortKey } from '@storesync/schema';
import type { Row } from '../rows.ts';
import type { SqlDriver, SqlValue } from '../storage/sql-driver.ts';
import { rowFromRecord } from '../storage/sql-rows.ts';
import { createSqlReminderReads } from './reminder-reads.ts';
import { sqlRecentCustomers } from './sql-recent-customers.ts';
import type { BookReads, CustomerBalance } from './types.ts';

type Rec = Record<string, SqlValue>;

/** A customer with their sums (`storage/sql-balances.ts`), as columns `b_debts`, `b_unpaid`, `b_payments`. */
const WITH_BALANCE = `SELECT c.*, coalesce(b.debts, 0) AS b_debts, coalesce(b.unpaid, 0) AS b_unpaid,
    coalesce(b.payments, 0) AS b_payments
  FROM customers c LEFT JOIN balances b ON b.customer_id = c.id`;
const NET = '(coalesce(b.debts, 0) + coalesce(b.unpaid, 0) - coalesce(b.payments, 0))';
/** By the name's sort key (sql-rows.ts: case and accents aside), then the name itself, then the id. */
const BY_NAME = 'c.name_key, c.name, c.id';

const customerBalance = (r: Rec): CustomerBalance => ({
  customer: rowFromRecord('customers', r) as Row<'customers'>,
  balance: balanceOf(Number(r.b_debts), Number(r.b_unpaid), Number(r.b_payments)),
});

/** `%text%` for LIKE, its own `%`, `_` and `\` taken literally (ESCAPE '\'). */
const containing = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The screens' reads on the SQL store: indexed queries over the tables and `balances`. */
export function createSqlReads(db: SqlDriver): BookReads {
  const rows = async <E extends Entity>(entity: E, sql: string, params: SqlValue[]) =>
    (await db.all<Rec>(sql, params)).map((r) => rowFromRecord(entity, r) as unknown as Row<E>);
  const one = async (sql: string, params: SqlValue[] = []) => (await db.all<Rec>(sql, params))[0] ?? {};

  return {
    ...createSqlReminderReads(db),
    async customers({ search, order, limit }) {
      const q = search?.trim() ?? '';
      const where = q
        ? `c.deleted_at IS NULL AND (c.name_key LIKE ? ESCAPE '\\' OR coalesce(c.phone, '') LIKE ? ESCAPE '\\')`
        : 'c.deleted_at IS NULL';
      const params = q ? [containing(nameSortKey(q)), containing(q)] : [];
      const orderBy = order === 'owed' ? `${NET} DESC, ${BY_NAME}` : BY_NAME;
      const list = await db.all<Rec>(`${WITH_BALANCE} WHERE ${where} ORDER BY ${orderBy} LIMIT ?`, [
        ...params,
        limit,
      ]);
      const total = await one(`SELECT count(*) AS n FROM customers c WHERE ${where}`, params);
      return { rows: list.map(customerBalance), total: Number(total.n ?? 0) };
    },
    async balance(customerId) {
      const r = await one('SELECT debts, unpaid, payments FROM balances WHERE customer_id = ?', [customerId]);
      return balanceOf(Number(r.debts ?? 0), Number(r.unpaid ?? 0), Number(r.payments ?? 0));
    },
    async entries(customerId) {
      const live = <E extends 'debts' | 'payments' | 'sales'>(entity: E) =>
        rows(entity, `SELECT * FROM ${entity} WHERE customer_id = ? AND deleted_at IS NULL`, [customerId]);
      return { debts: await live('debts'), payments: await live('payments'), sales: await live('sales') };
    },
    async totals() {
      const r =
        await one(`SELECT coalesce(sum(max(n, 0)), 0) AS outstanding, coalesce(sum(max(-n, 0)), 0) AS credit,
          coalesce(sum(n > 0), 0) AS owing
        FROM (SELECT b.debts + b.unpaid - b.payments AS n FROM balances b
          JOIN customers c ON c.id = b.customer_id AND c.deleted_at IS NULL)`);
      return {
        outstanding: Number(r.outstanding),
        credit: Number(r.credit),
        customersOwing: Number(r.owing),
      };
    },
    async topDebtors(limit) {
      const list = await db.all<Rec>(
        `${WITH_BALANCE} WHERE c.deleted_at IS NULL AND ${NET} > 0 ORDER BY ${NET} DESC, ${BY_NAME} LIMIT ?`,
        [limit],
      );
      return list.map(customerBalance);
    },
    async overdue(today, limit) {
      // Past-due debts per customer, less all their repayments (`overdueAmount`).
      const overdue = `SELECT c.*, max(d.past - coalesce(b.payments, 0), 0) AS amount
        FROM (SELECT customer_id, sum(amount) AS past FROM debts
          WHERE deleted_at IS NULL AND due_date IS NOT NULL AND due_date < ? GROUP BY customer_id) d
        JOIN customers c ON c.id = d.customer_id AND c.deleted_at IS NULL
        LEFT JOIN balances b ON b.customer_id = d.customer_id
        WHERE d.past > coalesce(b.payments, 0)`;
      const list = await db.all<Rec>(`${overdue} ORDER BY amount DESC, ${BY_NAME} LIMIT ?`, [today, limit]);
      const count = await one(`SELECT count(*) AS n FROM (${overdue})`, [today]);
      return {
        rows: list.map((r) => ({
          customer: rowFromRecord('customers', r) as Row<'customers'>,
          amount: Number(r.amount),
        })),
        count: Number(count.n ?? 0),
      };
    },
    async period(from, to) {
      const s = await one(
        `SELECT count(*) AS n, coalesce(sum(total), 0) AS total, coalesce(sum(paid_amount), 0) AS paid
          FROM sales WHERE deleted_at IS NULL AND sold_at >= ? AND sold_at < ?`,
        [from, to],
      );
      const p = await one(
        `SELECT coalesce(sum(amount), 0) AS taken FROM payments
          WHERE deleted_at IS NULL AND paid_at >= ? AND paid_at < ? AND coalesce(kind, '') <> 'writeOff'`,
        [from, to],
      );
      return {
        salesCount: Number(s.n),
        salesTotal: Number(s.total),
        taken: Number(s.paid) + Number(p.taken),
      };
    },
    async deleted(since, limit) {
      const gone = <E extends 'debts' | 'payments' | 'sales'>(entity: E) =>
        rows(entity, `SELECT * FROM ${entity} WHERE deleted_at >= ? ORDER BY deleted_at DESC, id LIMIT ?`, [
          since,
          limit,
        ]);
      const customers = await db.all<Rec>(
        `${WITH_BALANCE} WHERE c.deleted_at >= ? ORDER BY c.deleted_at DESC, c.id LIMIT ?`,
        [since, limit],
      );
      return {
        customers: customers.map(customerBalance),
        debts: await gone('debts'),
        payments: await gone('payments'),
        sales: await gone('sales'),
      };
    },
    async sales({ search, before, limit }) {
      const q = search?.trim() ?? '';
      const where = ['s.deleted_at IS NULL'];
      const params: SqlValue[] = [];
      if (before) {
        // The first condition bounds the walk down sales_sold_at_idx; the second breaks ties by id.
        where.push('s.sold_at <= ?', '(s.sold_at < ? OR s.id < ?)');
        params.push(before.soldAt, before.soldAt, before.id);
      }
      if (q) {
        where.push(`(c.name LIKE ? ESCAPE '\\' OR EXISTS (SELECT 1 FROM json_each(s.items) i
          WHERE json_extract(i.value, '$.name') LIKE ? ESCAPE '\\'))`);
        params.push(containing(q), containing(q));
      }
      // Newest first down the sold_at index, stopping at `limit` matches: a search reads back
      // only as far as its matches go, never the whole book.
      const list = await db.all<Rec>(
        `SELECT s.*, c.name AS customer_name FROM sales s LEFT JOIN customers c ON c.id = s.customer_id
          WHERE ${where.join(' AND ')} ORDER BY s.sold_at DESC, s.id DESC LIMIT ?`,
        [...params, limit],
      );
      return list.map((r) => ({
        sale: rowFromRecord('sales', r) as Row<'sales'>,
        customerName:
          r.customer_name === null || r.customer_name === undefined ? null : String(r.customer_name),
      }));
    },
    recentCustomers: (limit) => sqlRecentCustomers(db, limit),
    async hasEntries() {
      const r = await one(`SELECT EXISTS (SELECT 1 FROM debts WHERE deleted_at IS NULL)
        OR EXISTS (SELECT 1 FROM payments WHERE deleted_at IS NULL)
        OR EXISTS (SELECT 1 FROM sales WHERE deleted_at IS NULL) AS any`);
      return Number(r.any) === 1;
    },
  };
}
