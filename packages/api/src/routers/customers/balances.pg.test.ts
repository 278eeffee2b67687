import { randomUUID } from 'node:crypto';
import {
  balancesByCustomer,
  customerBalance,
  type LedgerInput,
  outstandingTotals,
  type PushEvent,
} from '@storesync/schema';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../test/harness.ts';
import { createWebStore, type WebStore } from '../../test/web-store.ts';

// The server's balances are SQL (`customerBalanceSql`, the overview's ledger stream), which cannot import the shared rule; this
// pins them to it: random histories go through `sync.push`, and every figure the dashboard
// reads must equal what `@storesync/schema` computes from the rows a phone pulls.

let h: Harness;
beforeAll(async () => {
  h = await createHarness('pg');
});
afterAll(() => h.t.drop());

type Op =
  | { kind: 'debt' | 'payment'; customer: number; amount: number }
  | { kind: 'sale'; customer: number | null; total: number; paid: number }
  | { kind: 'edit'; target: number; amount: number }
  | { kind: 'delete'; target: number }
  | { kind: 'deleteCustomer'; customer: number };

const BOOK_RULES = ['CUSTOMER_HAS_BALANCE', 'SALE_TOTAL_MISMATCH', 'SALE_NEEDS_CUSTOMER'];

const customer = fc.integer({ min: 0, max: 2 });
const amount = fc.integer({ min: 1, max: 1_000_000_000 });
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constantFrom('debt' as const, 'payment' as const), customer, amount }),
  fc.record({
    kind: fc.constant('sale' as const),
    customer: fc.option(customer),
    total: amount,
    paid: amount,
  }),
  fc.record({ kind: fc.constant('edit' as const), target: fc.nat(), amount }),
  fc.record({ kind: fc.constant('delete' as const), target: fc.nat() }),
  fc.record({ kind: fc.constant('deleteCustomer' as const), customer }),
);

/** The ops as one push batch: three customers, then each op with a later clock. */
function eventsOf(ops: Op[], customers: string[]): PushEvent[] {
  let clock = Date.UTC(2026, 10, 1);
  const event = (entity: PushEvent['entity'], entityId: string, rest: Partial<PushEvent>): PushEvent => {
    clock += 60_000;
    const clientUpdatedAt = new Date(clock).toISOString();
    return { eventUuid: randomUUID(), entity, entityId, op: 'upsert', clientUpdatedAt, ...rest };
  };
  const events = customers.map((id, i) => event('customers', id, { payload: { name: `C${i}` } }));
  const ledger: { entity: 'debts' | 'payments' | 'sales'; id: string }[] = [];
  for (const o of ops) {
    const id = randomUUID();
    const at = new Date(clock + 60_000).toISOString();
    if (o.kind === 'debt' || o.kind === 'payment') {
      const entity = o.kind === 'debt' ? 'debts' : 'payments';
      const payload = {
        customerId: customers[o.customer],
        amount: o.amount,
        ...(o.kind === 'payment' && { paidAt: at }),
      };
      events.push(event(entity, id, { payload }));
      ledger.push({ entity, id });
    } else if (o.kind === 'sale') {
      const items = [{ name: 'Goods', quantity: 1, unitPrice: o.total }];
      const sale = { customerId: o.customer === null ? null : customers[o.customer], items, soldAt: at };
      // The sale rules: never paid beyond the total, and an unpaid part needs a customer.
      const paidAmount = o.customer === null ? o.total : Math.min(o.paid, o.total);
      events.push(event('sales', id, { payload: { ...sale, total: o.total, paidAmount } }));
      ledger.push({ entity: 'sales', id });
    } else if (o.kind === 'deleteCustomer') {
      events.push(event('customers', customers[o.customer] ?? '', { op: 'delete' }));
    } else if (o.kind === 'edit' || o.kind === 'delete') {
      const target = ledger[o.target % Math.max(ledger.length, 1)];
      if (!target) continue;
      const field = target.entity === 'sales' ? 'paidAmount' : 'amount';
      const rest = o.kind === 'delete' ? { op: 'delete' as const } : { payload: { [field]: o.amount } };
      events.push(event(target.entity, target.id, rest));
    }
  }
  return events;
}

/** The rows a phone of the store holds after pulling everything, as the shared module's input. */
async function pulledLedger(s: WebStore): Promise<{ ledger: LedgerInput; liveCustomers: string[] }> {
  const rows = new Map<string, { entity: string; row: Record<string, unknown> }>();
  for (let cursor = 0, more = true; more; ) {
    const page = await s.phone.api.sync.pull({ cursor, limit: 1000 });
    for (const e of page.events)
      rows.set(e.entityId, { entity: e.entity, row: e.row as Record<string, unknown> });
    ({ cursor, hasMore: more } = page);
  }
  const of = (entity: string) => [...rows.values()].filter((r) => r.entity === entity).map((r) => r.row);
  const liveCustomers = of('customers')
    .filter((c) => c.deletedAt === null)
    .map((c) => String(c.id));
  // Deleting a customer takes their ledger off the dashboard's figures.
  const live = (r: Record<string, unknown>) => liveCustomers.includes(String(r.customerId));
  const ledger = {
    debts: of('debts').filter(live),
    payments: of('payments').filter(live),
    sales: of('sales').filter(live),
  } as unknown as LedgerInput;
  return { ledger, liveCustomers };
}

describe('the server’s balances', () => {
  it('equal balancesByCustomer of the same rows, for any history pushed through sync', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 25 }), async (ops) => {
        const s = await createWebStore(h, `balances-${randomUUID()}@example.com`);
        const customers = [randomUUID(), randomUUID(), randomUUID()];
        const pushed = await s.phone.api.sync.push({
          deviceId: s.phone.deviceId,
          events: eventsOf(ops, customers),
        });
        // Refused only by the book's rules: a delete of a customer whose entries hold money, an
        // edit of a sale that breaks its rules (say, paid beyond its total).
        const refused = pushed.results.filter((r) => r.status === 'rejected').map((r) => r.error?.code);
        expect(refused.filter((c) => !BOOK_RULES.includes(c ?? ''))).toEqual([]);
        const { ledger, liveCustomers } = await pulledLedger(s);
        const expected = balancesByCustomer(ledger);

        for (const id of liveCustomers) {
          const balance = customerBalance(id, ledger);
          expect(expected.get(id) ?? balance).toEqual(balance);
          expect(await s.web.customers.get({ id })).toMatchObject(balance);
          const newest = (await s.web.customers.timeline({ id, limit: 500 }))[0];
          expect(newest?.balance ?? 0).toBe(balance.owed - balance.credit);
        }
        const list = await s.web.customers.list({ sort: 'balance', order: 'desc' });
        for (const item of list.items) {
          const { owed, credit } = customerBalance(item.id, ledger);
          expect(item).toMatchObject({ owed, credit });
        }
        const overview = await s.web.reports.overview({ timeZone: 'UTC' });
        expect(overview).toMatchObject(outstandingTotals(ledger));
      }),
      { numRuns: 30 },
    );
  }, 120_000);
});
