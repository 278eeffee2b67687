import { type Balance, formatMoney, SETTINGS_ID } from '@storesync/schema';
import { TRPCError } from '@trpc/server';
import type { AuthedContext } from '../../dashboard/authed-context.ts';
import { writeChange } from '../../dashboard/write.ts';
import { RefusedError } from '../../errors.ts';
import { balanceOfCustomer } from './balance.ts';

/**
 * The answer when a customer cannot go because their entries do not net to zero (the server's
 * `CUSTOMER_HAS_BALANCE`, e.g. a phone recorded a debt a moment before). The dashboard reads
 * the code, fetches the balance again and says how much; the message says it for other callers.
 */
export const hasBalance = (b: Balance) =>
  new RefusedError({
    code: 'CONFLICT',
    reason: 'CUSTOMER_HAS_BALANCE',
    params: { entity: 'customers' },
    message:
      b.owed > 0
        ? `CUSTOMER_HAS_BALANCE: the customer owes ${b.owed} (minor units); record a repayment or write it off first`
        : `CUSTOMER_HAS_BALANCE: the customer holds ${b.credit} (minor units) of credit; write it off first`,
  });

/** The store's currency, to write amounts into notes as the owner reads them; null until set. */
export async function storeCurrency(ctx: AuthedContext): Promise<string | null> {
  const row = await ctx.db.storeSetting.findFirst({
    where: { userId: ctx.auth.user.id, id: SETTINGS_ID, deletedAt: null },
    select: { currency: true },
  });
  return row?.currency ?? null;
}

export const amountText = (minor: number, currency: string | null) =>
  currency ? formatMoney(minor, currency) : String(minor);

/**
 * Deletes a customer with a tombstone every device pulls. A refusal for anything but a missing
 * customer is explained by the balance when there is one: the push refuses a customer whose
 * entries still hold money, and the owner must learn how much, not read a generic error.
 */
export async function deleteCustomer(ctx: AuthedContext, id: string) {
  try {
    return await writeChange(ctx, { entity: 'customers', entityId: id, op: 'delete' });
  } catch (error) {
    if (error instanceof TRPCError && error.code === 'NOT_FOUND') throw error;
    const balance = await balanceOfCustomer(ctx, id);
    if (balance.owed > 0 || balance.credit > 0) throw hasBalance(balance);
    throw error;
  }
}
