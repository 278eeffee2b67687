import type { Balance } from '@storesync/schema';
import type { SyncClient } from '@storesync/sync-client';

/**
 * Deletes a customer whose entries do not net to zero as a ledger would: first
 * an entry that brings them to zero (a repayment of kind `writeOff` for what
 * they owe, a debt for the credit they hold), so Outstanding drops by exactly
 * that and the history says why; then the delete (which the server refuses
 * while a balance remains).
 */
export async function writeOffAndDelete(
  book: SyncClient,
  customerId: string,
  balance: Balance,
  /** The note on the debt that writes off a credit, in the owner's language (`customer.creditWrittenOff`). */
  creditNote: string,
) {
  if (balance.owed > 0)
    await book.payments.create({
      customerId,
      amount: balance.owed,
      paidAt: new Date().toISOString(),
      kind: 'writeOff',
    });
  else if (balance.credit > 0)
    await book.debts.create({ customerId, amount: balance.credit, note: creditNote });
  await book.customers.delete(customerId);
}
