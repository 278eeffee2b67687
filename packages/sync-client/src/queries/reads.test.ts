import { balancesByCustomer, type Entity, type EntityRow } from '@storesync/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../storage/memory.ts';
import { openSqliteStore } from '../storage/sqlite.ts';
import type { Store } from '../storage/types.ts';
import type { BookReads } from './types.ts';

const CUSTOMERS = 6;
const id = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const customerId = (n: number) => id(1_000 + (n % CUSTOMERS));
const at = (n: number) => new Date(Date.UTC(2031, 0, 1 + (n % 20), n % 24)).toISOString();
const NAMES = ['amina', 'Amina', 'Bob', 'zoë', 'فاطمة', 'b_o%b', 'Chen'];

const common = (n: number, deleted: boolean, version: number) => ({
  createdAt: at(n),
  updatedAt: at(n + 1),
  deletedAt: deleted ? at(n + 2) : null,
  updatedByDeviceId: 'd',
  rowVersion: version,
});

/** One write of a row: each entity's fields from small numbers, so rows change customer, amount and state. */
const rowArb = fc
  .record({
    entity: fc.constantFrom<Entity>('customers', 'debts', 'payments', 'sales'),
    slot: fc.nat(14),
    c: fc.nat(20),
    amount: fc.integer({ min: 1, max: 5_000 }),
    paid: fc.nat(6_000),
    day: fc.nat(40),
    due: fc.option(fc.nat(30)),
    deleted: fc.boolean(),
    walkIn: fc.boolean(),
    writeOff: fc.boolean(),
  })
  .map((r): [Entity, EntityRow] => {
    const base = (n: number) => ({ id: id(n), ...common(r.day, r.deleted, r.day + 1) });
    switch (r.entity) {
      case 'customers':
        return [
          'customers',
          {
            ...base(1_000 + (r.slot % CUSTOMERS)),
            name: NAMES[r.c % NAMES.length] ?? 'x',
            phone: r.c % 3 ? `07${r.c}` : null,
            note: null,
          },
        ];
      case 'debts':
        return [
          'debts',
          {
            ...base(r.slot),
            customerId: customerId(r.c),
            amount: r.amount,
            note: null,
            dueDate: r.due === null ? null : `2031-01-${String(1 + r.due).padStart(2, '0')}`,
          },
        ];
      case 'payments':
        return [
          'payments',
          {
            ...base(100 + r.slot),
            customerId: customerId(r.c),
            debtId: null,
            amount: r.amount,
            paidAt: at(r.day),
            note: null,
            kind: r.writeOff ? 'writeOff' : null,
          },
        ];
      default:
        return [
          'sales',
          {
            ...base(200 + r.slot),
            customerId: r.walkIn ? null : customerId(r.c),
            items: [{ name: 'tea', quantity: 1, unitPrice: r.amount }],
            total: r.amount,
            paidAmount: Math.min(r.paid, r.amount),
            soldAt: at(r.day),
            note: null,
          },
        ];
    }
  });

/** Each read with the same arguments, on one store. */
async function readAll(reads: BookReads) {
  return {
    byName: await reads.customers({ order: 'name', limit: 4 }),
    byOwed: await reads.customers({ order: 'owed', limit: 50 }),
    search: await reads.customers({ search: 'AM', order: 'name', limit: 50 }),
    searchLiteral: await reads.customers({ search: '_o%', order: 'name', limit: 50 }),
    phone: await reads.customers({ search: '071', order: 'owed', limit: 50 }),
    balances: await Promise.all([0, 1, 2, 3, 4, 5].map((n) => reads.balance(customerId(n)))),
    entries: await reads.entries(customerId(1)),
    totals: await reads.totals(),
    top: await reads.topDebtors(3),
    overdue: await reads.overdue('2031-01-15', 2),
    period: await reads.period(at(3), at(9)),
    deleted: await reads.deleted(at(5), 50),
    hasEntries: await reads.hasEntries(),
  };
}

const sortById = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));
/** Entries carry no order: compare them as sets. */
const normal = (r: Awaited<ReturnType<typeof readAll>>) => ({
  ...r,
  entries: {
    debts: sortById(r.entries.debts),
    payments: sortById(r.entries.payments),
    sales: sortById(r.entries.sales),
  },
});

async function write(store: Store, writes: [Entity, EntityRow][]) {
  // Row by row, in separate transactions: each write's update or insert runs the triggers on its own.
  for (const [entity, row] of writes) await store.transaction((tx) => tx.putRows(entity, [row]));
}

describe('BookReads', () => {
  it('answers the same on SQLite (triggers and indexed queries) as by the shared rules in memory', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(rowArb, { maxLength: 60 }), async (writes) => {
        const sql = await openSqliteStore(':memory:');
        const memory = createMemoryStore();
        await write(sql, writes);
        await write(memory, writes);
        const [a, b] = await Promise.all([
          sql.transaction((tx) => readAll(tx.reads)),
          memory.transaction((tx) => readAll(tx.reads)),
        ]);
        expect(normal(a)).toEqual(normal(b));
        // And the kept sums are balancesByCustomer of the rows as stored, customer by customer.
        const rows = await sql.transaction(async (tx) => ({
          debts: await tx.listRows('debts'),
          payments: await tx.listRows('payments'),
          sales: await tx.listRows('sales'),
        }));
        const expected = balancesByCustomer(rows as never);
        for (const [n, balance] of a.balances.entries()) {
          const want = expected.get(customerId(n));
          if (want) expect(balance).toEqual(want);
          else expect(balance.owed + balance.credit).toBe(0);
        }
        await sql.close();
      }),
      { numRuns: 150 },
    );
  });

  it('keeps the sums through a reset and a database opened again', async () => {
    const file = `/tmp/reads-${process.pid}-${Date.now()}.db`;
    let store = await openSqliteStore(file);
    const c = customerId(0);
    await store.transaction(async (tx) => {
      await tx.putRows('customers', [
        { id: c, name: 'Amina', phone: null, note: null, ...common(1, false, 1) },
      ]);
      await tx.putRows('debts', [
        { id: id(1), customerId: c, amount: 700, note: null, dueDate: null, ...common(1, false, 1) },
      ]);
    });
    await store.close();
    store = await openSqliteStore(file);
    expect((await store.transaction((tx) => tx.reads.balance(c))).owed).toBe(700);
    await store.transaction((tx) => tx.reset());
    expect((await store.transaction((tx) => tx.reads.balance(c))).owed).toBe(0);
    expect(await store.transaction((tx) => tx.reads.totals())).toEqual({
      outstanding: 0,
      credit: 0,
      customersOwing: 0,
    });
    await store.close();
  });
});
