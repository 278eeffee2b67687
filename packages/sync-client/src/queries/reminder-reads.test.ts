import type { Entity, EntityRow } from '@storesync/schema';
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
const NAMES = ['amina', 'Amina', 'Bob', 'zoë', 'فاطمة', 'Chen'];
const TOKEN = 'abcdefghijklmnopqrstuvwxyz012345';

const common = (n: number, deleted: boolean) => ({
  createdAt: at(n),
  updatedAt: at(n + 1),
  deletedAt: deleted ? at(n + 2) : null,
  updatedByDeviceId: 'd',
  rowVersion: n + 1,
});

/** One write: customers, debts (some due), repayments, unpaid sales, reminders and links, some deleted. */
const rowArb = fc
  .record({
    entity: fc.constantFrom<Entity>('customers', 'debts', 'payments', 'sales', 'reminders', 'links'),
    slot: fc.nat(14),
    c: fc.nat(20),
    amount: fc.integer({ min: 1, max: 5_000 }),
    day: fc.nat(40),
    due: fc.option(fc.nat(30)),
    deleted: fc.boolean(),
  })
  .map((r): [Entity, EntityRow] => {
    const base = (n: number) => ({ id: id(n), ...common(r.day, r.deleted) });
    const customer = customerId(r.c);
    switch (r.entity) {
      case 'customers':
        return [
          'customers',
          {
            ...base(1_000 + (r.slot % CUSTOMERS)),
            name: NAMES[r.c % NAMES.length] ?? 'x',
            phone: null,
            note: null,
            language: null,
          },
        ];
      case 'debts':
        return [
          'debts',
          {
            ...base(r.slot),
            customerId: customer,
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
            customerId: customer,
            debtId: null,
            amount: r.amount,
            paidAt: at(r.day),
            note: null,
            kind: null,
          },
        ];
      case 'sales':
        return [
          'sales',
          {
            ...base(200 + r.slot),
            customerId: customer,
            items: [{ name: 'tea', quantity: 1, unitPrice: r.amount }],
            total: r.amount,
            paidAmount: 0,
            soldAt: at(r.day),
            note: null,
          },
        ];
      case 'reminders':
        return [
          'reminders',
          {
            ...base(300 + r.slot),
            customerId: customer,
            channel: 'whatsapp',
            amount: r.amount,
            linkId: null,
            sentAt: at(r.day),
          },
        ];
      default:
        return [
          'links',
          {
            ...base(400 + r.slot),
            customerId: customer,
            token: TOKEN,
            expiresAt: at(r.day),
            lastOpenedAt: null,
          },
        ];
    }
  });

const LIVE_CUSTOMERS = Array.from({ length: CUSTOMERS }, (_, n): [Entity, EntityRow] => [
  'customers',
  { id: customerId(n), name: NAMES[n] ?? 'x', phone: null, note: null, language: null, ...common(0, false) },
]);

const everyone = Array.from({ length: CUSTOMERS }, (_, n) => customerId(n));

async function readAll(reads: BookReads) {
  return {
    toRemind: await reads.toRemind('2031-01-15', at(9), 3),
    toRemindAll: await reads.toRemind('2031-01-15', at(9), 50),
    toRemindNever: await reads.toRemind('2031-01-01', at(0), 50),
    reminders: await Promise.all(everyone.map((c) => reads.customerReminders(c))),
    last: await reads.lastReminded([...everyone, id(9_999)]),
    lastNone: await reads.lastReminded([]),
    links: await Promise.all(everyone.map((c) => reads.liveLink(c, at(10)))),
  };
}

async function write(store: Store, writes: [Entity, EntityRow][]) {
  for (const [entity, row] of writes) await store.transaction((tx) => tx.putRows(entity, [row]));
}

describe('ReminderReads', () => {
  it('answers the same on SQLite as by the shared rules in memory', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(rowArb, { maxLength: 60 }), async (writes) => {
        const sql = await openSqliteStore(':memory:');
        const memory = createMemoryStore();
        await write(sql, [...LIVE_CUSTOMERS, ...writes]);
        await write(memory, [...LIVE_CUSTOMERS, ...writes]);
        const [a, b] = await Promise.all([
          sql.transaction((tx) => readAll(tx.reads)),
          memory.transaction((tx) => readAll(tx.reads)),
        ]);
        expect(a).toEqual(b);
        await sql.close();
      }),
      { numRuns: 150 },
    );
  });

  it('lists who owes and is overdue or not reminded lately, most owed first', async () => {
    const store = createMemoryStore();
    const customer = (n: number, name: string): [Entity, EntityRow] => [
      'customers',
      { id: customerId(n), name, phone: null, note: null, language: null, ...common(0, false) },
    ];
    const debt = (n: number, c: number, amount: number, dueDate: string | null): [Entity, EntityRow] => [
      'debts',
      {
        id: id(n),
        customerId: customerId(c),
        amount,
        note: null,
        dueDate,
        recordedAt: null,
        ...common(0, false),
      },
    ];
    const reminder = (n: number, c: number, day: number): [Entity, EntityRow] => [
      'reminders',
      {
        id: id(300 + n),
        customerId: customerId(c),
        channel: 'sms',
        amount: 1,
        linkId: null,
        sentAt: at(day),
        ...common(0, false),
      },
    ];
    await write(store, [
      customer(0, 'Overdue, reminded yesterday'),
      customer(1, 'Owes, reminded long ago'),
      customer(2, 'Owes, reminded yesterday'),
      customer(3, 'Owes nothing'),
      debt(1, 0, 500, '2031-01-02'),
      debt(2, 1, 900, null),
      debt(3, 2, 700, null),
      reminder(1, 0, 13),
      reminder(2, 1, 1),
      reminder(3, 2, 13),
    ]);
    const list = await store.transaction((tx) => tx.reads.toRemind('2031-01-15', at(7), 10));
    expect(list.rows.map((r) => [r.customer.name, r.owed, r.overdue, r.lastRemindedAt])).toEqual([
      ['Owes, reminded long ago', 900, 0, at(1)],
      ['Overdue, reminded yesterday', 500, 500, at(13)],
    ]);
    expect(list.count).toBe(2);
  });
});
