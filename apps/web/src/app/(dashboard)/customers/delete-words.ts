import type { Balance } from '@storesync/schema';

/** What the delete dialog says of a customer's balance, in the owner's words. */
export interface BalanceWords {
  /** "Amina owes Ksh 1,400" / "Amina holds Ksh 300 credit"; null when settled. */
  headline: string | null;
  /** The same, after the server refused: "Amina now owes …". */
  now: string;
  /** What deleting means, and the ways to settle first. */
  explain: string;
}

export function balanceWords(name: string, b: Balance, format: (minor: number) => string): BalanceWords {
  if (b.owed > 0) {
    const owed = format(b.owed);
    return {
      headline: `${name} owes ${owed}`,
      now: `${name} now owes ${owed}`,
      explain: `Settle it before deleting: record the repayment first, or write the ${owed} off. A write-off stays in their history, named as one, and takes ${owed} off Outstanding.`,
    };
  }
  if (b.credit > 0) {
    const credit = format(b.credit);
    return {
      headline: `${name} holds ${credit} credit`,
      now: `${name} now holds ${credit} credit`,
      explain: `The shop owes ${name} ${credit}. Use it up on a sale first, or write the credit off: a debt of ${credit} noted "Credit written off" goes into their history.`,
    };
  }
  return {
    headline: null,
    now: `${name} owes nothing`,
    explain: `${name} will be removed from the dashboard and from every device at its next sync. Their entries stay in the book, and you can restore ${name} from Recently deleted for 30 days.`,
  };
}

/**
 * Whether a failed write-off or delete was refused over the balance (`CONFLICT`): the customer
 * still held money (the server's CUSTOMER_HAS_BALANCE), or it moved since it was shown. Either
 * way the balance is read again and shown.
 */
export const refusalOf = (e: { data?: { code?: string } | null }): boolean => e.data?.code === 'CONFLICT';
