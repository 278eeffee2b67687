/**
 * What a customer owes, in one place for the server's reports, the dashboard and the phone
 * app. The rule: a customer's net is their debts plus the unpaid part of their sales, minus
 * their repayments, over live rows (not deleted). A positive net is owed; a negative one is
 * the customer's credit, kept apart so that a total of what is outstanding never goes down
 * because one customer paid too much. Amounts are integer minor units.
 *
 * The server computes the same figures in SQL (`packages/api/src/dashboard/sql.ts`); a
 * property test there checks they equal `balancesByCustomer` of the same rows.
 */

import { debtDate } from './debt-date.ts';
import { formatMoney } from './money.ts';

/** The part of a sale left to pay: what a sale on credit adds to what the customer owes. */
export function saleUnpaid(sale: { total: number; paidAmount: number }): number {
  return Math.max(sale.total - sale.paidAmount, 0);
}

/** One customer's figures; `owed` and `credit` are never both above zero. */
export interface Balance {
  debts: number;
  unpaidSales: number;
  payments: number;
  /** max(net, 0), net = debts + unpaidSales − payments. */
  owed: number;
  /** max(−net, 0): repaid beyond what was owed. */
  credit: number;
}

/** A store's ledger rows, as the server stores them or a phone keeps them. */
export interface LedgerInput {
  debts: readonly {
    id: string;
    customerId: string;
    amount: number;
    createdAt: string;
    /** When it was taken on (`debtDate`); absent or null on rows from before the field. */
    recordedAt?: string | null;
    deletedAt: string | null;
  }[];
  payments: readonly {
    id: string;
    customerId: string;
    amount: number;
    paidAt: string;
    deletedAt: string | null;
  }[];
  sales: readonly {
    id: string;
    customerId: string | null;
    total: number;
    paidAmount: number;
    soldAt: string;
    deletedAt: string | null;
  }[];
}

/** One line of a customer's history: `effect` is the signed change of net, `balance` the net after it. */
export type TimelineEntry = {
  kind: 'debt' | 'payment' | 'sale';
  id: string;
  at: string;
  amount: number;
  effect: number;
  balance: number;
};

/** A balance from its three sums. */
export function balanceOf(debts: number, unpaidSales: number, payments: number): Balance {
  const net = debts + unpaidSales - payments;
  return { debts, unpaidSales, payments, owed: Math.max(net, 0), credit: Math.max(-net, 0) };
}

const ZERO = balanceOf(0, 0, 0);

/** Each customer's balance, over live rows; customers without any live row are absent. */
export function balancesByCustomer(ledger: LedgerInput): Map<string, Balance> {
  const sums = new Map<string, [debts: number, unpaid: number, payments: number]>();
  const add = (customerId: string, slot: 0 | 1 | 2, amount: number) => {
    const s = sums.get(customerId) ?? [0, 0, 0];
    s[slot] += amount;
    sums.set(customerId, s);
  };
  for (const d of ledger.debts) if (d.deletedAt === null) add(d.customerId, 0, d.amount);
  for (const s of ledger.sales) if (s.deletedAt === null && s.customerId) add(s.customerId, 1, saleUnpaid(s));
  for (const p of ledger.payments) if (p.deletedAt === null) add(p.customerId, 2, p.amount);
  return new Map([...sums].map(([id, [d, u, p]]) => [id, balanceOf(d, u, p)]));
}

/** One customer's balance (zeros when they have no live rows). */
export function customerBalance(customerId: string, ledger: LedgerInput): Balance {
  const own = <T extends { customerId: string | null }>(rows: readonly T[]) =>
    rows.filter((r) => r.customerId === customerId);
  const only = { debts: own(ledger.debts), payments: own(ledger.payments), sales: own(ledger.sales) };
  return balancesByCustomer(only).get(customerId) ?? ZERO;
}

const KIND_ORDER = { debt: 0, sale: 1, payment: 2 } as const;
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * A customer's live debts, sales and payments, oldest first (ties: debts, then sales, then
 * payments, then by id), each with its effect on the net and the running net after it.
 * The last entry's balance is `owed − credit` of `customerBalance`.
 */
export function customerTimeline(customerId: string, ledger: LedgerInput): TimelineEntry[] {
  type Entry = Omit<TimelineEntry, 'balance'>;
  const mine = <T extends { customerId: string | null; deletedAt: string | null }>(r: T) =>
    r.customerId === customerId && r.deletedAt === null;
  const entries: Entry[] = [
    ...ledger.debts.filter(mine).map((d) => ({
      kind: 'debt' as const,
      id: d.id,
      at: debtDate(d),
      amount: d.amount,
      effect: d.amount,
    })),
    ...ledger.sales.filter(mine).map((s) => ({
      kind: 'sale' as const,
      id: s.id,
      at: s.soldAt,
      amount: s.total,
      effect: saleUnpaid(s),
    })),
    ...ledger.payments.filter(mine).map((p) => ({
      kind: 'payment' as const,
      id: p.id,
      at: p.paidAt,
      amount: p.amount,
      effect: -p.amount,
    })),
  ];
  entries.sort(
    (a, b) => compare(a.at, b.at) || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || compare(a.id, b.id),
  );
  let net = 0;
  return entries.map((e) => {
    net += e.effect;
    return { ...e, balance: net };
  });
}

/** The store's totals: what customers owe in all, the credit they hold, and how many owe. */
export function outstandingTotals(ledger: LedgerInput): {
  outstanding: number;
  credit: number;
  customersOwing: number;
} {
  let outstanding = 0;
  let credit = 0;
  let customersOwing = 0;
  for (const b of balancesByCustomer(ledger).values()) {
    outstanding += b.owed;
    credit += b.credit;
    if (b.owed > 0) customersOwing += 1;
  }
  return { outstanding, credit, customersOwing };
}

/** Whether a repayment is more than the customer owes: then the owner is asked before it is taken. */
export function exceedsOwed(balance: Balance, paymentAmount: number): boolean {
  return paymentAmount > balance.owed;
}

/** The credit a repayment leaves the customer with, beyond the credit they already hold. */
export function creditFromPayment(balance: Balance, paymentAmount: number): number {
  return Math.max(paymentAmount - balance.owed, 0);
}

/**
 * The question asked before taking more than is owed, e.g. "Amina owes $23.35. Take $100.00
 * and keep $76.65 as credit?" — one wording for the dashboard and the phone app.
 */
export function overpaymentQuestion(
  name: string,
  balance: Balance,
  paymentAmount: number,
  currency: string,
  locale?: string,
): string {
  const money = (minor: number) => formatMoney(minor, currency, locale);
  const owes = balance.owed > 0 ? `owes ${money(balance.owed)}` : 'owes nothing';
  const held = balance.credit > 0 ? ` (credit ${money(balance.credit)} already)` : '';
  const extra = money(creditFromPayment(balance, paymentAmount));
  return `${name} ${owes}${held}. Take ${money(paymentAmount)} and keep ${extra} as credit?`;
}
