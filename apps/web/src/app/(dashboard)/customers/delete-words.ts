import type { Balance } from '@storesync/schema';
import type { I18n } from '~/i18n/format';

/** What the delete dialog says of a customer's balance, in the owner's words. */
export interface BalanceWords {
  /** "Amina owes Ksh 1,400" / "Amina holds Ksh 300 credit"; null when settled. */
  headline: string | null;
  /** The same, after the server refused: "Amina now owes …". */
  now: string;
  /** What deleting means, and the ways to settle first. */
  explain: string;
}

export function balanceWords(
  { t, isolate }: I18n,
  name: string,
  b: Balance,
  format: (minor: number) => string,
): BalanceWords {
  if (b.owed > 0) {
    const amount = isolate(format(b.owed));
    return {
      headline: t('dashboard.deleteCustomer.owes', { name, amount }),
      now: t('dashboard.deleteCustomer.nowOwes', { name, amount }),
      explain: t('dashboard.deleteCustomer.owesExplain', { amount }),
    };
  }
  if (b.credit > 0) {
    const amount = isolate(format(b.credit));
    return {
      headline: t('dashboard.deleteCustomer.holds', { name, amount }),
      now: t('dashboard.deleteCustomer.nowHolds', { name, amount }),
      explain: t('dashboard.deleteCustomer.holdsExplain', { name, amount }),
    };
  }
  return {
    headline: null,
    now: t('dashboard.deleteCustomer.owesNothing', { name }),
    explain: t('dashboard.deleteCustomer.settledExplain', { name }),
  };
}

/**
 * Whether a failed write-off or delete was refused over the balance (`CONFLICT`): the customer
 * still held money (the server's CUSTOMER_HAS_BALANCE), or it moved since it was shown. Either
 * way the balance is read again and shown.
 */
export const refusalOf = (e: { data?: { code?: string } | null }): boolean => e.data?.code === 'CONFLICT';
