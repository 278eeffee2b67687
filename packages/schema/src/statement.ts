/**
 * A customer's statement: what the link at `/s/<token>`, the phone's PDF and the dashboard's
 * print show, built once here from the shared rules (`customerTimeline` and `customerBalance`
 * for the running balance, `overdueDebts` for what is overdue), so the three never disagree.
 * Amounts are integer minor units; dates ISO-8601, `today` a calendar day `YYYY-MM-DD`.
 */

import { type Balance, customerBalance, customerTimeline } from './balance.ts';
import { debtDate } from './debt-date.ts';
import { overdueDebts } from './due.ts';
import type { PaymentKind, SaleItem } from './entities.ts';

/** A customer's rows, as the server stores them or a phone keeps them (deleted ones are skipped). */
export interface StatementInput {
  debts: readonly {
    id: string;
    customerId: string;
    amount: number;
    createdAt: string;
    recordedAt?: string | null;
    dueDate?: string | null;
    note?: string | null;
    deletedAt: string | null;
  }[];
  payments: readonly {
    id: string;
    customerId: string;
    amount: number;
    paidAt: string;
    kind?: PaymentKind | null;
    note?: string | null;
    deletedAt: string | null;
  }[];
  sales: readonly {
    id: string;
    customerId: string | null;
    total: number;
    paidAmount: number;
    soldAt: string;
    items: readonly SaleItem[];
    note?: string | null;
    deletedAt: string | null;
  }[];
}

interface EntryBase {
  id: string;
  /** When it happened: a debt's `debtDate`, a repayment's `paidAt`, a sale's `soldAt`. */
  at: string;
  /** The row's own amount: a debt's, a repayment's, a sale's total. */
  amount: number;
  /** What it added to (negative: took off) what the customer owes. */
  effect: number;
  /** What the customer owes after it (negative: credit). */
  balance: number;
  note: string | null;
}

/** One line of the statement, oldest first. */
export type StatementEntry = EntryBase &
  (
    | { kind: 'debt'; dueDate: string | null }
    | { kind: 'sale'; items: readonly SaleItem[]; paid: number }
    | { kind: 'repayment' | 'writeOff' }
  );

export interface Statement {
  entries: StatementEntry[];
  /** `owed` and `credit` as `customerBalance` has them. */
  balance: Balance;
  /** What is overdue on `today` (`overdueDebts`), and the earliest due date still unpaid. */
  overdue: { amount: number; since: string | null };
}

/** The statement of `customerId` on `today`, over the live rows of `input`. */
export function buildStatement(customerId: string, input: StatementInput, today: string): Statement {
  const mine = <T extends { customerId: string | null; deletedAt: string | null }>(rows: readonly T[]) =>
    rows.filter((r) => r.customerId === customerId && r.deletedAt === null);
  const debts = mine(input.debts);
  const payments = mine(input.payments);
  const sales = mine(input.sales);
  const ledger = {
    debts: debts.map((d) => ({ ...d, createdAt: debtDate(d) })),
    payments,
    sales,
  };
  const byId = {
    debt: new Map(debts.map((d) => [d.id, d])),
    payment: new Map(payments.map((p) => [p.id, p])),
    sale: new Map(sales.map((s) => [s.id, s])),
  };
  const entries = customerTimeline(customerId, ledger).map((e): StatementEntry => {
    const base = { id: e.id, at: e.at, amount: e.amount, effect: e.effect, balance: e.balance };
    if (e.kind === 'debt') {
      const d = byId.debt.get(e.id);
      return { ...base, kind: 'debt', dueDate: d?.dueDate ?? null, note: d?.note ?? null };
    }
    if (e.kind === 'sale') {
      const s = byId.sale.get(e.id);
      return {
        ...base,
        kind: 'sale',
        items: s?.items ?? [],
        paid: s?.paidAmount ?? 0,
        note: s?.note ?? null,
      };
    }
    const p = byId.payment.get(e.id);
    return { ...base, kind: p?.kind === 'writeOff' ? 'writeOff' : 'repayment', note: p?.note ?? null };
  });
  const balance = customerBalance(customerId, ledger);
  const due = overdueDebts(
    debts.map((d) => ({ id: d.id, amount: d.amount, dueDate: d.dueDate ?? null })),
    balance.payments,
    today,
  );
  let since: string | null = null;
  for (const d of debts) {
    if (due.byDebt.has(d.id) && d.dueDate && (since === null || d.dueDate < since)) since = d.dueDate;
  }
  return { entries, balance, overdue: { amount: due.total, since } };
}
