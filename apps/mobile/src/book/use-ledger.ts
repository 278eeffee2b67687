import { type Balance, balancesByCustomer } from '@storesync/schema';
import type { Row } from '@storesync/sync-client';
import { useRows } from '@storesync/sync-client/react';
import { useMemo } from 'react';
import { useBook } from './book-provider';

export interface Ledger {
  customers: Row<'customers'>[];
  debts: Row<'debts'>[];
  payments: Row<'payments'>[];
  sales: Row<'sales'>[];
  /** Each customer's balance by the shared rule (debts + unpaid sales − repayments). */
  balances: Map<string, Balance>;
  customer(id: string): Row<'customers'> | undefined;
  balance(id: string): Balance;
  /** Whether the book holds this live row. */
  has(entity: string, id: string): boolean;
}

const ZERO: Balance = { debts: 0, unpaidSales: 0, payments: 0, owed: 0, credit: 0 };

/** The whole book, live: re-renders when a write or a pull changes any of it. Undefined while loading. */
export function useLedger(): Ledger | undefined {
  const { book } = useBook();
  const customers = useRows(book, 'customers');
  const debts = useRows(book, 'debts');
  const payments = useRows(book, 'payments');
  const sales = useRows(book, 'sales');
  return useMemo(() => {
    if (!customers || !debts || !payments || !sales) return undefined;
    const balances = balancesByCustomer({ debts, payments, sales });
    const byId = new Map(customers.map((c) => [c.id, c]));
    return {
      customers,
      debts,
      payments,
      sales,
      balances,
      customer: (id: string) => byId.get(id),
      balance: (id: string) => balances.get(id) ?? ZERO,
      has: (entity: string, id: string) => {
        const rows = { customers, debts, payments, sales }[entity as 'customers'];
        return !!rows?.some((r) => r.id === id);
      },
    };
  }, [customers, debts, payments, sales]);
}
