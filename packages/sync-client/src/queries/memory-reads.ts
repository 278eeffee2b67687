import {
  type Balance,
  balanceOf,
  balancesByCustomer,
  type Entity,
  nameSortKey,
  overdueDebts,
  periodFigures,
} from '@storesync/schema';
import type { Row } from '../rows.ts';
import { createMemoryReminderReads } from './reminder-reads.ts';
import type { BookReads, CustomerBalance } from './types.ts';

/** SQLite's NOCASE: ASCII letters folded, nothing else. */
const fold = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** sql-reads.ts' order: the name's sort key (case and accents aside), the name, the id. */
const byName = (a: Row<'customers'>, b: Row<'customers'>) =>
  cmp(nameSortKey(a.name), nameSortKey(b.name)) || cmp(a.name, b.name) || cmp(a.id, b.id);
const net = (b: Balance) => b.owed - b.credit;
const ZERO = balanceOf(0, 0, 0);

/**
 * The screens' reads over rows held in memory, by the shared rules of
 * @storesync/schema as they are written (`balancesByCustomer`, `overdueDebts`, `periodFigures`):
 * the memory store's answers, and the oracle the SQL reads are tested against.
 */
export function createMemoryReads(rowsOf: <E extends Entity>(entity: E) => Row<E>[]): BookReads {
  const live = <E extends 'customers' | 'debts' | 'payments' | 'sales'>(entity: E) =>
    rowsOf(entity).filter((r) => r.deletedAt === null);
  const balances = () =>
    balancesByCustomer({ debts: rowsOf('debts'), payments: rowsOf('payments'), sales: rowsOf('sales') });
  const withBalances = (customers: Row<'customers'>[]): CustomerBalance[] => {
    const all = balances();
    return customers.map((customer) => ({ customer, balance: all.get(customer.id) ?? ZERO }));
  };
  const byOwed = (a: CustomerBalance, b: CustomerBalance) =>
    net(b.balance) - net(a.balance) || byName(a.customer, b.customer);

  return {
    ...createMemoryReminderReads(rowsOf),
    async customers({ search, order, limit }) {
      const q = search?.trim() ?? '';
      const found = live('customers').filter(
        (c) => !q || nameSortKey(c.name).includes(nameSortKey(q)) || fold(c.phone ?? '').includes(fold(q)),
      );
      const rows = withBalances(found).sort(
        order === 'owed' ? byOwed : (a, b) => byName(a.customer, b.customer),
      );
      return { rows: rows.slice(0, limit), total: found.length };
    },
    balance: async (customerId) => balances().get(customerId) ?? ZERO,
    async entries(customerId) {
      const mine = <E extends 'debts' | 'payments' | 'sales'>(entity: E) =>
        live(entity).filter((r) => r.customerId === customerId);
      return { debts: mine('debts'), payments: mine('payments'), sales: mine('sales') };
    },
    async totals() {
      const rows = withBalances(live('customers'));
      return {
        outstanding: rows.reduce((sum, r) => sum + r.balance.owed, 0),
        credit: rows.reduce((sum, r) => sum + r.balance.credit, 0),
        customersOwing: rows.filter((r) => r.balance.owed > 0).length,
      };
    },
    async topDebtors(limit) {
      return withBalances(live('customers'))
        .filter((r) => r.balance.owed > 0)
        .sort(byOwed)
        .slice(0, limit);
    },
    async overdue(today, limit) {
      const debts = live('debts');
      const rows = withBalances(live('customers'))
        .map(({ customer, balance }) => ({
          customer,
          amount: overdueDebts(
            debts.filter((d) => d.customerId === customer.id),
            balance.payments,
            today,
          ).total,
        }))
        .filter((o) => o.amount > 0)
        .sort((a, b) => b.amount - a.amount || byName(a.customer, b.customer));
      return { rows: rows.slice(0, limit), count: rows.length };
    },
    period: async (from, to) =>
      periodFigures({ sales: rowsOf('sales'), payments: rowsOf('payments') }, from, to),
    async deleted(since, limit) {
      const gone = <E extends 'customers' | 'debts' | 'payments' | 'sales'>(entity: E) =>
        rowsOf(entity)
          .filter((r) => r.deletedAt !== null && r.deletedAt >= since)
          .sort((a, b) => cmp(b.deletedAt ?? '', a.deletedAt ?? '') || cmp(a.id, b.id))
          .slice(0, limit);
      return {
        customers: withBalances(gone('customers')),
        debts: gone('debts'),
        payments: gone('payments'),
        sales: gone('sales'),
      };
    },
    async sales({ search, before, limit }) {
      const q = fold(search?.trim() ?? '');
      const names = new Map(rowsOf('customers').map((c) => [c.id, c.name]));
      const newestFirst = (a: Row<'sales'>, b: Row<'sales'>) => cmp(b.soldAt, a.soldAt) || cmp(b.id, a.id);
      return live('sales')
        .map((sale) => ({ sale, customerName: (sale.customerId && names.get(sale.customerId)) ?? null }))
        .filter(
          ({ sale: s }) =>
            !before || s.soldAt < before.soldAt || (s.soldAt === before.soldAt && s.id < before.id),
        )
        .filter(
          ({ sale, customerName }) =>
            !q ||
            fold(customerName ?? '').includes(q) ||
            sale.items.some((item) => fold(item.name).includes(q)),
        )
        .sort((a, b) => newestFirst(a.sale, b.sale))
        .slice(0, limit);
    },
    async recentCustomers(limit) {
      const latest = new Map<string, string>();
      const seen = (customerId: string | null, at: string) => {
        if (customerId && (latest.get(customerId) ?? '') < at) latest.set(customerId, at);
      };
      for (const d of live('debts')) seen(d.customerId, d.createdAt);
      for (const p of live('payments')) seen(p.customerId, p.paidAt);
      for (const s of live('sales')) seen(s.customerId, s.soldAt);
      const at = (c: Row<'customers'>) => latest.get(c.id) ?? '';
      return live('customers')
        .filter((c) => latest.has(c.id))
        .sort((a, b) => cmp(at(b), at(a)) || cmp(a.id, b.id))
        .slice(0, limit);
    },
    hasEntries: async () => live('debts').length + live('payments').length + live('sales').length > 0,
  };
}
