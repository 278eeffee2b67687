import type { Balance, PeriodFigures } from '@storesync/schema';
import type { Row } from '../rows.ts';
import type { ReminderReads } from './reminder-reads.ts';

export type { ReminderReads, RemindRow } from './reminder-reads.ts';

/** A customer with what their live entries come to. */
export interface CustomerBalance {
  customer: Row<'customers'>;
  balance: Balance;
}

export interface CustomerListQuery {
  /** Matches names containing it in any case and with or without accents, and phone numbers. */
  search?: string;
  /**
   * `name`: as people read names (`nameSortKey`: case and accents aside); `owed`: most owed
   * first, credit last. Ties by name, then id.
   */
  order: 'name' | 'owed';
  limit: number;
}

/** One customer's live entries: all a history needs, and nobody else's. */
export interface CustomerEntries {
  debts: Row<'debts'>[];
  payments: Row<'payments'>[];
  sales: Row<'sales'>[];
}

/** Figures over an interval of time (the owner's day): sales and the money taken, by `periodFigures`. */
export type { PeriodFigures };

export interface BookTotals {
  /** What live customers owe, summed over those who owe. */
  outstanding: number;
  /** What live customers hold as credit. */
  credit: number;
  customersOwing: number;
}

export interface OverdueCustomer {
  customer: Row<'customers'>;
  /** The overdue part of what they owe (`overdueAmount` of @storesync/schema). */
  amount: number;
}

/** Where a page of sales ends: the next page starts after it (newest first: `soldAt`, then `id`, descending). */
export interface SaleCursor {
  soldAt: string;
  id: string;
}

export interface SalesQuery {
  /** Matches sales with an item name, or the customer's name, containing it (ASCII letters in any case). */
  search?: string;
  /** Only sales after this one in the list's order: the next page. */
  before?: SaleCursor;
  limit: number;
}

/** A live sale and the name of its customer (null for a walk-in, or a customer not in the book). */
export interface SaleListRow {
  sale: Row<'sales'>;
  customerName: string | null;
}

/** Rows deleted since a moment, newest deletion first; a deleted customer with what their entries hold. */
export interface RecentlyDeleted {
  customers: CustomerBalance[];
  debts: Row<'debts'>[];
  payments: Row<'payments'>[];
  sales: Row<'sales'>[];
}

/**
 * What the screens read, answered where the rows live: each query reads what
 * it returns (a page of customers, one customer's entries, the day's figures)
 * and never the whole book. Balances follow the shared rule of
 * @storesync/schema; live customers only, unless a query says otherwise.
 */
export interface BookReads extends ReminderReads {
  customers(query: CustomerListQuery): Promise<{ rows: CustomerBalance[]; total: number }>;
  balance(customerId: string): Promise<Balance>;
  entries(customerId: string): Promise<CustomerEntries>;
  totals(): Promise<BookTotals>;
  /** Customers who owe, most first. */
  topDebtors(limit: number): Promise<CustomerBalance[]>;
  /** Customers with an overdue amount on `today` (`YYYY-MM-DD`), largest first, and how many there are. */
  overdue(today: string, limit: number): Promise<{ rows: OverdueCustomer[]; count: number }>;
  /** Sales and repayments in `[from, to)` (ISO-8601 UTC), live rows of any customer. */
  period(from: string, to: string): Promise<PeriodFigures>;
  /** What was deleted at or after `since` (ISO-8601 UTC), each list at most `limit`. */
  deleted(since: string, limit: number): Promise<RecentlyDeleted>;
  /** Live sales, newest first (`soldAt`, then `id`, descending), at most `limit`. */
  sales(query: SalesQuery): Promise<SaleListRow[]>;
  /**
   * Live customers by their latest live entry (a debt's `createdAt`, a repayment's `paidAt`, a
   * sale's `soldAt`, as in their history), latest first, ties by id; customers with none are left out.
   */
  recentCustomers(limit: number): Promise<Row<'customers'>[]>;
  /** Whether the book holds any live debt, repayment or sale. */
  hasEntries(): Promise<boolean>;
}
