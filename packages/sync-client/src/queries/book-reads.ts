import type { Store } from '../storage/types.ts';
import type { BookReads } from './types.ts';

/** Every read by name: the type makes a read added to BookReads and missing here a compile error. */
const READS: Record<keyof BookReads, true> = {
  customers: true,
  balance: true,
  entries: true,
  totals: true,
  topDebtors: true,
  overdue: true,
  period: true,
  deleted: true,
  hasEntries: true,
  sales: true,
  recentCustomers: true,
  toRemind: true,
  customerReminders: true,
  lastReminded: true,
  liveLink: true,
};

/**
 * The reads as an app calls them: each one in a transaction of its own, so it
 * waits for (and never sees half of) a write or a pulled chunk in progress.
 */
export function readsOf(store: Store): BookReads {
  const run =
    (name: keyof BookReads) =>
    (...args: unknown[]) =>
      store.transaction((tx) => (tx.reads[name] as (...a: unknown[]) => Promise<unknown>)(...args));
  return Object.fromEntries(
    Object.keys(READS).map((name) => [name, run(name as keyof BookReads)]),
  ) as unknown as BookReads;
}
