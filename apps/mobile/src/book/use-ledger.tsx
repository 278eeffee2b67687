import { type Balance, balancesByCustomer } from '@storesync/schema';
import type { Row } from '@storesync/sync-client';
import { useRows } from '@storesync/sync-client/react';
import { createContext, type ReactNode, useContext, useMemo } from 'react';
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

/** The whole book, live: read once for every screen, re-read when a write or a pull changes it. */
function useLiveLedger(): Ledger | undefined {
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

const LedgerContext = createContext<Ledger | undefined>(undefined);

/** Shares one live ledger with every screen, so a change re-reads the book once, not once per screen. */
export function LedgerProvider({ children }: { children: ReactNode }) {
  return <LedgerContext.Provider value={useLiveLedger()}>{children}</LedgerContext.Provider>;
}

/** The whole book, live (from LedgerProvider); undefined while loading. */
export const useLedger = (): Ledger | undefined => useContext(LedgerContext);
