import {
  type Balance,
  customerBalance,
  describeSaleViolation,
  entityFieldNames,
  isDeleted,
  type LedgerInput,
  type RowState,
  SALE_RULE_FIELDS,
  type SaleViolation,
  saleViolation,
} from '@storesync/schema';
import type { WorkingRows } from './apply-event.ts';
import { deletedAtOf } from './canonical.ts';
import { isLedgerEntity, type LEDGER_ENTITIES } from './ledger-reads.ts';
import type { PreparedEvent } from './prepare.ts';
import type { StoredRow } from './tables.ts';

/**
 * The server's rules that keep every amount visible (docs/protocol.md, "Ledger rules"),
 * judged on the rows as the batch has left them so far, under the store lock.
 */

const amount = (v: unknown): number => (typeof v === 'number' ? v : Number(v ?? 0));
const customerOf = (row: StoredRow): string | null => {
  const id = row.state.values.customerId;
  return typeof id === 'string' ? id : null;
};

/**
 * A customer's balance over the working rows, by the shared rule (`customerBalance`).
 * They hold every live entry of a customer the batch deletes (ledger-reads.ts) and
 * every entry the batch has changed, so this is the balance the batch leaves so far.
 */
export function workingBalance(rows: WorkingRows, customerId: string): Balance {
  const mine = (entity: (typeof LEDGER_ENTITIES)[number]) =>
    [...rows[entity].values()].filter((r) => customerOf(r) === customerId);
  const common = (r: StoredRow) => ({ id: r.id, customerId, deletedAt: deletedAtOf(r) });
  const ledger: LedgerInput = {
    debts: mine('debts').map((r) => ({
      ...common(r),
      amount: amount(r.state.values.amount),
      createdAt: r.createdAt,
    })),
    payments: mine('payments').map((r) => ({
      ...common(r),
      amount: amount(r.state.values.amount),
      paidAt: String(r.state.values.paidAt),
    })),
    sales: mine('sales').map((r) => ({
      ...common(r),
      total: amount(r.state.values.total),
      paidAmount: amount(r.state.values.paidAmount),
      soldAt: String(r.state.values.soldAt),
    })),
  };
  return customerBalance(customerId, ledger);
}

/** Why a customer delete that would apply is refused (CUSTOMER_HAS_BALANCE), or null. */
export function customerDeleteProblem(rows: WorkingRows, customerId: string): string | null {
  const b = workingBalance(rows, customerId);
  if (b.owed > 0)
    return `The customer still owes ${b.owed} (minor units): record a repayment or a write-off (a payment of kind writeOff) first`;
  if (b.credit > 0)
    return `The customer holds ${b.credit} (minor units) as credit: record a debt of that amount (a write-off of the credit) first`;
  return null;
}

/**
 * The sale rules on the sale as the merge leaves it, when the event touches a field they
 * read (other edits keep a legacy row editable).
 */
export function saleProblem(e: PreparedEvent, merged: RowState): SaleViolation | null {
  if (e.op !== 'upsert' || !SALE_RULE_FIELDS.some((f) => f in e.fields)) return null;
  const v = merged.values;
  return saleViolation({
    items: Array.isArray(v.items) ? v.items : [],
    total: amount(v.total),
    paidAmount: amount(v.paidAmount),
    customerId: typeof v.customerId === 'string' ? v.customerId : null,
  });
}

export const saleProblemMessage = describeSaleViolation;

/**
 * The event that brings back the deleted customer of an entry the batch just changed, or
 * null when its customer is live (or it has none). It sets the customer's current values
 * again with the earliest clock that beats the tombstone (1 ms after it), so a later edit or
 * delete from any device still wins over it, and every device pulls the customer back.
 */
export function reviveEvent(
  rows: WorkingRows,
  entity: string,
  row: StoredRow,
  eventUuid: string,
): PreparedEvent | null {
  if (!isLedgerEntity(entity)) return null;
  const customerId = customerOf(row);
  const customer = customerId ? rows.customers.get(customerId) : undefined;
  if (!customerId || !customer?.state.deletedClock || !isDeleted(customer.state)) return null;
  const fields = Object.fromEntries(
    entityFieldNames('customers').map((f) => [f, customer.state.values[f] ?? null]),
  );
  return {
    eventUuid,
    entity: 'customers',
    entityId: customerId,
    op: 'upsert',
    fields,
    clientUpdatedAt: new Date(Date.parse(customer.state.deletedClock[0]) + 1).toISOString(),
  };
}
