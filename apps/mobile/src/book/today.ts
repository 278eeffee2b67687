import { dayIn, outstandingTotals, overdueDebts } from '@storesync/schema';
import type { Ledger } from './use-ledger';

const sameDay = (iso: string, day: Date) => new Date(iso).toDateString() === day.toDateString();

/** The day at a glance: sales and money taken today (the phone's day), what is owed, by whom most, who is overdue. */
export function todayFigures(ledger: Ledger, now = new Date()) {
  const sales = ledger.sales.filter((s) => sameDay(s.soldAt, now));
  const payments = ledger.payments.filter((p) => sameDay(p.paidAt, now));
  const salesTotal = sales.reduce((sum, s) => sum + s.total, 0);
  const taken =
    sales.reduce((sum, s) => sum + s.paidAmount, 0) + payments.reduce((sum, p) => sum + p.amount, 0);
  const topDebtors = ledger.customers
    .map((customer) => ({ customer, balance: ledger.balance(customer.id) }))
    .filter((d) => d.balance.owed > 0)
    .sort((a, b) => b.balance.owed - a.balance.owed)
    .slice(0, 5);
  // Overdue by the shared rule, on the phone's calendar day.
  const today = dayIn(Intl.DateTimeFormat().resolvedOptions().timeZone, now);
  // Debts grouped once: a scan per customer would be customers × debts on every change.
  // (A loop, not Map.groupBy: older Hermes builds lack it.)
  const debtsOf = new Map<string, typeof ledger.debts>();
  for (const d of ledger.debts) debtsOf.set(d.customerId, [...(debtsOf.get(d.customerId) ?? []), d]);
  const overdue = ledger.customers
    .map((customer) => {
      const debts = debtsOf.get(customer.id) ?? [];
      const amount = overdueDebts(debts, ledger.balance(customer.id).payments, today).total;
      return { customer, amount };
    })
    .filter((o) => o.amount > 0)
    .sort((a, b) => b.amount - a.amount);
  // As on the dashboard: a deleted customer's ledger leaves the figures.
  const live = new Set(ledger.customers.map((c) => c.id));
  const ofLive = <T extends { customerId: string | null }>(rows: T[]) =>
    rows.filter((r) => r.customerId !== null && live.has(r.customerId));
  const totals = outstandingTotals({
    debts: ofLive(ledger.debts),
    payments: ofLive(ledger.payments),
    sales: ofLive(ledger.sales),
  });
  return { salesCount: sales.length, salesTotal, taken, ...totals, topDebtors, overdue };
}
