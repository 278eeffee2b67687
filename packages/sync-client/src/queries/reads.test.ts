import { balancesByCustomer, type Entity, type EntityRow } from '@storesync/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../storage/memory.ts';
import type { SqlValue } from '../storage/sql-driver.ts';
import { createSqlStore } from '../storage/sql-store.ts';
import { betterSqliteDriver, openSqliteDatabase, openSqliteStore } from '../storage/sqlite.ts';
import type { Store } from '../storage/types.ts';
import { createSqlReads } from './sql-reads.ts';
import { sqlRecentCustomers } from './sql-recent-customers.ts';
import type { BookReads } from './types.ts';

const CUSTOMERS = 6;
const id = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const customerId = (n: number) => id(1_000 + (n % CUSTOMERS));
const at = (n: number) => new Date(Date.UTC(2031, 0, 1 + (n % 20), n % 24)).toISOString();
const NAMES = [
  'amina',
  'Amina',
  'Bob',
  'zoë',
  'Zoe',
  'Émile',
  'eve',
  'فاطمة',
  'فَاطِمة',
  'ख़ान',
  'b_o%b',
  'Chen',
];
const ITEMS = ['tea', 'Bread', 'milk', 'b_read', 'CHAI', 'mkate'];

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
    items: fc.array(fc.nat(ITEMS.length - 1), { minLength: 1, maxLength: 3 }),
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
            language: null,
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
            recordedAt: null,
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
            items: r.items.map((n, i) => ({
              name: ITEMS[n] ?? 'x',
              quantity: 1,
              unitPrice: i === 0 ? r.amount : 0,
            })),
            total: r.amount,
            paidAmount: Math.min(r.paid, r.amount),
            soldAt: at(r.day),
            note: null,
          },
        ];
    }
  });

const LIVE_CUSTOMERS = Array.from({ length: CUSTOMERS }, (_, n): [Entity, EntityRow] => [
  'customers',
  { id: customerId(n), name: `c${n}`, phone: null, note: null, language: null, ...common(0, false, 0) },
]);

/** The page after a store's own third sale: the cursor is a sale that exists (ties in soldAt included). */
async function salesAfterThird(reads: BookReads) {
  const third = (await reads.sales({ limit: 3 }))[2]?.sale;
  return third ? reads.sales({ before: { soldAt: third.soldAt, id: third.id }, limit: 5 }) : [];
}

/** Each read with the same arguments, on one store. */
async function readAll(reads: BookReads) {
  return {
    byName: await reads.customers({ order: 'name', limit: 4 }),
    byOwed: await reads.customers({ order: 'owed', limit: 50 }),
    search: await reads.customers({ search: 'AM', order: 'name', limit: 50 }),
    searchLiteral: await reads.customers({ search: '_o%', order: 'name', limit: 50 }),
    searchAccents: await reads.customers({ search: 'ZOE', order: 'name', limit: 50 }),
    searchMarks: await reads.customers({ search: 'فاطمة', order: 'owed', limit: 50 }),
    phone: await reads.customers({ search: '071', order: 'owed', limit: 50 }),
    balances: await Promise.all([0, 1, 2, 3, 4, 5].map((n) => reads.balance(customerId(n)))),
    entries: await reads.entries(customerId(1)),
    totals: await reads.totals(),
    top: await reads.topDebtors(3),
    overdue: await reads.overdue('2031-01-15', 2),
    period: await reads.period(at(3), at(9)),
    deleted: await reads.deleted(at(5), 50),
    hasEntries: await reads.hasEntries(),
    sales: await reads.sales({ limit: 4 }),
    allSales: await reads.sales({ limit: 100 }),
    salesByItem: await reads.sales({ search: 'BR', limit: 100 }),
    salesLiteral: await reads.sales({ search: '_r', limit: 100 }),
    salesNotKeys: await reads.sales({ search: 'price', limit: 100 }),
    salesByCustomer: await reads.sales({ search: 'amin', limit: 3 }),
    salesBefore: await salesAfterThird(reads),
    recent: await Promise.all([1, 2, 3, 50].map((n) => reads.recentCustomers(n))),
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

  it('lists names as people read them and finds them with or without accents, on SQLite', async () => {
    const sql = await openSqliteStore(':memory:');
    const names = ['zeta', 'Émile', 'Zoë', 'eve', 'Ella', 'ñandú', 'Nora', 'ZOE'];
    await write(
      sql,
      names.map((name, n): [Entity, EntityRow] => [
        'customers',
        { id: id(900 + n), name, phone: null, note: null, language: null, ...common(0, false, 0) },
      ]),
    );
    const list = async (search?: string) =>
      (await sql.transaction((tx) => tx.reads.customers({ search, order: 'name', limit: 20 }))).rows.map(
        (r) => r.customer.name,
      );
    // NOCASE put Émile and ñandú after zeta, and found Zoë only by its ë.
    expect(await list()).toEqual(['Ella', 'Émile', 'eve', 'ñandú', 'Nora', 'zeta', 'ZOE', 'Zoë']);
    expect(await list('zoe')).toEqual(['ZOE', 'Zoë']);
    expect(await list('EMI')).toEqual(['Émile']);
    await sql.close();
  });

  it('places recent customers exactly however small the first window of entries is', async () => {
    await fc.assert(
      fc.asyncProperty(
        // Books dense enough that a small window is cut (fast-check's arrays are short by default).
        fc.array(rowArb, { minLength: 20, maxLength: 80 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 3 }),
        async (writes, window, limit) => {
          const driver = betterSqliteDriver(openSqliteDatabase(':memory:'));
          const sql = await createSqlStore(driver);
          const memory = createMemoryStore();
          // Every customer live at first, so that the windows' cut matters (few live customers end in a whole read).
          const all = [...LIVE_CUSTOMERS, ...writes];
          await write(sql, all);
          await write(memory, all);
          const want = await memory.transaction((tx) => tx.reads.recentCustomers(limit));
          expect(await sqlRecentCustomers(driver, limit, window)).toEqual(want);
          await sql.close();
        },
      ),
      { numRuns: 150 },
    );
  });

  it('walks sales newest first down the sold_at index, not by sorting the table', async () => {
    const db = openSqliteDatabase(':memory:');
    const driver = betterSqliteDriver(db);
    await createSqlStore(driver);
    const issued: [string, readonly SqlValue[]][] = [];
    const reads = createSqlReads({
      ...driver,
      all: (sql, params = []) => {
        issued.push([sql, params]);
        return driver.all(sql, params);
      },
    });
    await reads.sales({ limit: 50 });
    await reads.sales({ search: 'bread', before: { soldAt: at(3), id: id(1) }, limit: 50 });
    expect(issued).toHaveLength(2);
    for (const [sql, params] of issued) {
      const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[])
        .map((r) => r.detail)
        .join('; ');
      expect(plan).toMatch(/(SCAN|SEARCH) s USING INDEX sales_sold_at_idx/);
      expect(plan).not.toMatch(/USE TEMP B-TREE FOR ORDER BY/);
    }
    db.close();
  });

  it('keeps the sums through a reset and a database opened again', async () => {
    const file = `/tmp/reads-${process.pid}-${Date.now()}.db`;
    let store = await openSqliteStore(file);
    const c = customerId(0);
    await store.transaction(async (tx) => {
      await tx.putRows('customers', [
        { id: c, name: 'Amina', phone: null, note: null, language: null, ...common(1, false, 1) },
      ]);
      await tx.putRows('debts', [
        {
          id: id(1),
          customerId: c,
          amount: 700,
          note: null,
          dueDate: null,
          recordedAt: null,
          ...common(1, false, 1),
        },
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
