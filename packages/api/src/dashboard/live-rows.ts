import type { Entity } from '@storesync/schema';
import { RefusedError } from '../errors.ts';
import type { Precondition } from '../sync/preconditions.ts';
import type { AuthedContext } from './authed-context.ts';

const NOUN: Record<Entity, string> = {
  customers: 'customer',
  debts: 'debt',
  payments: 'payment',
  sales: 'sale',
  settings: 'settings row',
  links: 'link',
  reminders: 'reminder',
};

/** Not-found and another store's id get this same answer, so ids leak nothing. */
export const notFound = (entity: Entity) =>
  new RefusedError({
    code: 'NOT_FOUND',
    reason: 'NOT_FOUND',
    message: `No such ${NOUN[entity]}`,
    params: { entity },
  });

async function findLive(ctx: AuthedContext, entity: Entity, id: string) {
  const where = { userId: ctx.auth.user.id, id, deletedAt: null };
  const select = { id: true } as const;
  switch (entity) {
    case 'customers':
      return ctx.db.customer.findFirst({ where, select });
    case 'debts':
      return ctx.db.debt.findFirst({ where, select });
    case 'payments':
      return ctx.db.payment.findFirst({ where, select });
    case 'sales':
      return ctx.db.sale.findFirst({ where, select });
    case 'settings':
      return ctx.db.storeSetting.findFirst({ where, select });
    case 'links':
      return ctx.db.link.findFirst({ where, select });
    case 'reminders':
      return ctx.db.reminder.findFirst({ where, select });
  }
}

/**
 * Requires a live (not tombstoned) row of the caller's store, for reads.
 * Writes say what they need as preconditions of their push instead (see
 * writeChange), checked under the store lock.
 */
export async function requireLive(ctx: AuthedContext, entity: Entity, id: string): Promise<void> {
  if (!(await findLive(ctx, entity, id))) throw notFound(entity);
}

/** A payment may name a debt only of the same customer: the precondition that says so. */
export const debtOf = (debtId: string | null | undefined, customerId: string): Precondition[] =>
  debtId ? [{ entity: 'debts', id: debtId, fields: { customerId } }] : [];
