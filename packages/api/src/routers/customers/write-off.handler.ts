import { uuidV7 } from '@storesync/schema';
import type { AuthedContext } from '../../dashboard/authed-context.ts';
import { requireLive } from '../../dashboard/live-rows.ts';
import { writeChange } from '../../dashboard/write.ts';
import { RefusedError } from '../../errors.ts';
import { balanceOfCustomer } from './balance.ts';
import { amountText, storeCurrency } from './delete.handler.ts';

/**
 * Writes off what a customer owes, or the credit they hold, so that they can be deleted, as a
 * ledger would: what is owed is settled by a `payments` row of kind `writeOff` (it counts like a
 * repayment, and the history names it); a credit is cancelled by a debt of that amount whose
 * note says so. `net` is the balance the owner was shown (owed, or negative: credit); if the
 * book moved since (a phone synced), nothing is written and the answer says so. The row written,
 * or null when nothing was owed either way.
 */
export async function writeOff(ctx: AuthedContext, input: { id: string; net: number }) {
  await requireLive(ctx, 'customers', input.id);
  const balance = await balanceOfCustomer(ctx, input.id);
  const net = balance.owed - balance.credit;
  if (net !== input.net) {
    throw new RefusedError({
      code: 'CONFLICT',
      reason: 'BALANCE_CHANGED',
      message: 'BALANCE_CHANGED: the balance changed since it was shown; nothing was written off',
    });
  }
  const customerId = input.id;
  if (net > 0) {
    const payload = { customerId, amount: net, paidAt: new Date().toISOString(), kind: 'writeOff' };
    return writeChange(ctx, { entity: 'payments', entityId: uuidV7(), op: 'upsert', payload });
  }
  if (net < 0) {
    const note = `Credit of ${amountText(-net, await storeCurrency(ctx))} written off`;
    const payload = { customerId, amount: -net, note };
    return writeChange(ctx, { entity: 'debts', entityId: uuidV7(), op: 'upsert', payload });
  }
  return null;
}
