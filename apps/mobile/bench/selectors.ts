import { formatMoney } from '@storesync/schema';

/**
 * Every label and text of the phone app that the phone-scale bench reads or taps, in one place:
 * the screens change, and this is the one file to adjust when they do. Labels are accessibility
 * labels (what the e2e tests click too); texts are what the screen shows.
 */
export const ui = {
  signIn: {
    /** The card that says the server has dev sign-in on: the sign-in screen is ready. */
    ready: 'Demo sign-in',
    email: 'Email',
    submit: 'Continue',
  },
  sync: {
    /** `testID` of the sync line at the top of every screen (ui/sync-bar.tsx). */
    testId: 'sync-status',
    /** "Up to date · synced just now", "Up to date · live". */
    upToDatePrefix: 'Up to date',
  },
  tabs: { customers: 'Customers' },
  customers: {
    search: 'Search customers',
    /** A row of the customers list, by its accessibility label. */
    row: (name: string) => `Customer ${name}`,
  },
  sale: {
    /** On a customer's page. */
    open: 'New sale',
    item: 'Item 1',
    unitPrice: (currency: string) => `Unit price 1 (${currency})`,
    paidInFull: 'Paid in full',
    paidNow: (currency: string) => `Amount paid now (${currency})`,
    save: 'Record sale',
  },
  /** A balance as BalanceText shows it (ui/balance-text.tsx), from what is owed less credit. */
  balance: (net: number, currency: string) =>
    net > 0
      ? `Owes ${formatMoney(net, currency, 'en-US')}`
      : net < 0
        ? `Credit ${formatMoney(-net, currency, 'en-US')}`
        : 'Settled',
  /** Any balance text, to read a customer's before a sale. */
  balancePattern: /^(Owes|Credit) \S+$|^Settled$/,
} as const;

/** The inverse of `ui.balance`: "Owes $1,234.50" is 123450, "Credit $3.00" is -300. */
export function parseBalance(text: string): number {
  if (text === 'Settled') return 0;
  const minor = Math.round(Number(text.replace(/[^0-9.]/g, '')) * 100);
  return text.startsWith('Credit') ? -minor : minor;
}
