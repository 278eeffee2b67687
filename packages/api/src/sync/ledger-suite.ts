import { balancesByCustomer, type EntityRow, type PulledEvent } from '@storesync/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createHarness,
  type DbKind,
  type Device,
  deleteEvent,
  type Harness,
  iso,
  upsertEvent,
  uuid,
} from '../test/harness.ts';

const T0 = Date.parse('2026-03-01T00:00:00.000Z');

/** The ledger rules of docs/protocol.md ("Nothing accepted is ever invisible", the sale rules), on one database kind. */
export function ledgerSuite(kind: DbKind) {
  let h: Harness;
  let n = 0;
  const push = (d: Device, events: unknown[]) => d.api.sync.push({ deviceId: d.deviceId, events });
  const pullAll = async (d: Device) => {
    const events: PulledEvent[] = [];
    for (let cursor = 0; ; ) {
      const page = await d.api.sync.pull({ cursor, limit: 1000 });
      events.push(...page.events);
      cursor = page.cursor;
      if (!page.hasMore) return events;
    }
  };
  /** What a device holds after pulling everything: each entity's rows by id. */
  const pulledRows = async (d: Device) => {
    const rows = new Map<string, Map<string, EntityRow>>();
    for (const e of await pullAll(d)) {
      const m = rows.get(e.entity) ?? new Map<string, EntityRow>();
      m.set(e.entityId, e.row);
      rows.set(e.entity, m);
    }
    return (entity: string) => [...(rows.get(entity)?.values() ?? [])] as never[];
  };
  /** The customer's balance as every view computes it, over the pulled rows. */
  const owedOnPull = async (d: Device, customerId: string) => {
    const rows = await pulledRows(d);
    const ledger = { debts: rows('debts'), payments: rows('payments'), sales: rows('sales') };
    const customer = rows('customers').find((c: EntityRow) => c.id === customerId) as EntityRow | undefined;
    return { deletedAt: customer?.deletedAt, balance: balancesByCustomer(ledger).get(customerId) };
  };
  const store = async () => {
    n += 1;
    return [
      await h.device(`ledger${n}@example.com`, 'phone-a'),
      await h.device(`ledger${n}@example.com`, 'phone-b'),
    ] as const;
  };
  const customerWithDebt = async (d: Device, amount: number) => {
    const c = uuid();
    await push(d, [
      upsertEvent('customers', c, { name: 'Amina', phone: '0700' }, T0),
      upsertEvent('debts', uuid(), { customerId: c, amount }, T0 + 1),
    ]);
    return c;
  };

  beforeAll(async () => {
    h = await createHarness(kind);
  }, 60_000);
  afterAll(() => h.t.drop());

  describe(`nothing accepted is ever invisible, on ${kind}`, () => {
    it('refuses A’s delete of a customer who owes 200 while B, offline, records 1,200: 1,400 stays owed', async () => {
      const [a, b] = await store();
      const c = await customerWithDebt(a, 200);
      const del = await push(a, [deleteEvent('customers', c, T0 + 100)]);
      expect(del.results[0]).toMatchObject({
        status: 'rejected',
        error: { code: 'CUSTOMER_HAS_BALANCE', message: expect.stringContaining('owes 200') },
      });
      const debt = await push(b, [upsertEvent('debts', uuid(), { customerId: c, amount: 1_200 }, T0 + 50)]);
      expect(debt.results[0]?.status).toBe('applied');
      expect(await owedOnPull(b, c)).toMatchObject({ deletedAt: null, balance: { owed: 1_400 } });
    });

    it('brings back a customer deleted while owing 200 (as an older server let through) when B’s 1,200 arrives', async () => {
      const [a, b] = await store();
      const c = await customerWithDebt(a, 200);
      // The bug's state, as a server before this rule left it: the customer tombstoned over a live debt.
      const tomb = [iso(T0 + 100), a.deviceId, uuid()];
      await h.t.db.sql.query(
        `UPDATE customers SET deleted_at = $2::timestamptz, deleted_clock = $3::jsonb WHERE user_id = $1::uuid AND id = $4::uuid`,
        [a.userId, tomb[0], JSON.stringify(tomb), c],
      );
      expect(await owedOnPull(a, c)).toMatchObject({ deletedAt: null }); // the log has not heard of it
      const debt = await push(b, [upsertEvent('debts', uuid(), { customerId: c, amount: 1_200 }, T0 + 50)]);
      expect(debt.results[0]?.status).toBe('applied');
      const events = await pullAll(a);
      const revive = events.at(-1);
      expect(revive).toMatchObject({
        entity: 'customers',
        entityId: c,
        op: 'upsert',
        deviceId: b.deviceId,
        row: { name: 'Amina', phone: '0700', deletedAt: null },
      });
      expect(revive?.eventId).toBe((debt.results[0]?.eventId ?? 0) + 1);
      expect(await owedOnPull(a, c)).toMatchObject({ deletedAt: null, balance: { owed: 1_400 } });
    });

    it('revives a customer deleted with nothing owed when an entry recorded offline arrives, and a later delete still wins', async () => {
      const [a, b] = await store();
      const c = uuid();
      await push(a, [upsertEvent('customers', c, { name: 'Baraka' }, T0)]);
      expect((await push(a, [deleteEvent('customers', c, T0 + 100)])).results[0]?.status).toBe('applied');
      const payment = { customerId: c, amount: 300, paidAt: iso(T0 + 10) };
      const r = await push(b, [upsertEvent('payments', uuid(), payment, T0 + 10)]);
      expect(r.results[0]?.status).toBe('applied');
      const revive = (await pullAll(b)).find(
        (e) => e.entityId === c && e.eventId > (r.results[0]?.eventId ?? 0),
      );
      expect(revive?.row).toMatchObject({
        name: 'Baraka',
        deletedAt: null,
        updatedAt: iso(Date.parse(revive?.serverReceivedAt ?? '')),
      });
      expect(await owedOnPull(a, c)).toMatchObject({ deletedAt: null, balance: { credit: 300 } });
      // The revival takes the earliest clock past the tombstone: a delete made after it wins,
      // once what the customer holds is settled.
      const settle = await push(a, [
        deleteEvent('payments', String(r.results[0]?.row?.id), T0 + 200),
        deleteEvent('customers', c, T0 + 201),
      ]);
      expect(settle.results.map((x) => x.status)).toEqual(['applied', 'applied']);
      expect((await owedOnPull(a, c)).deletedAt).toBe(iso(T0 + 201));
    });

    it('rejects a customer delete with a balance and changes nothing; a write-off then the delete, in one batch, applies', async () => {
      const [a] = await store();
      const c = await customerWithDebt(a, 750);
      const before = await pullAll(a);
      const refused = await push(a, [deleteEvent('customers', c, T0 + 100)]);
      expect(refused.results[0]).toMatchObject({
        status: 'rejected',
        error: { code: 'CUSTOMER_HAS_BALANCE' },
      });
      expect(await pullAll(a)).toEqual(before);
      const writeOff = { customerId: c, amount: 750, paidAt: iso(T0 + 200), kind: 'writeOff' };
      const r = await push(a, [
        upsertEvent('payments', uuid(), writeOff, T0 + 200),
        deleteEvent('customers', c, T0 + 201),
      ]);
      expect(r.results.map((x) => x.status)).toEqual(['applied', 'applied']);
      expect(r.results[0]?.row).toMatchObject({ kind: 'writeOff', amount: 750 });
      expect(await owedOnPull(a, c)).toMatchObject({
        deletedAt: iso(T0 + 201),
        balance: { owed: 0, credit: 0 },
      });
      // Credit held is a balance too.
      const d = uuid();
      await push(a, [upsertEvent('customers', d, { name: 'Overpaid' }, T0)]);
      await push(a, [upsertEvent('payments', uuid(), { customerId: d, amount: 40, paidAt: iso(T0) }, T0)]);
      const credit = await push(a, [deleteEvent('customers', d, T0 + 1)]);
      expect(credit.results[0]?.error?.message).toContain('40 (minor units) as credit');
    });

    it('counts a repayment naming a deleted debt in its customer’s balance', async () => {
      const [a] = await store();
      const c = uuid();
      const debt = uuid();
      await push(a, [
        upsertEvent('customers', c, { name: 'Chidi' }, T0),
        upsertEvent('debts', debt, { customerId: c, amount: 500 }, T0),
        upsertEvent('debts', uuid(), { customerId: c, amount: 900 }, T0),
        deleteEvent('debts', debt, T0 + 1),
      ]);
      const r = await push(a, [
        upsertEvent(
          'payments',
          uuid(),
          { customerId: c, debtId: debt, amount: 100, paidAt: iso(T0) },
          T0 + 2,
        ),
      ]);
      expect(r.results[0]?.status).toBe('applied');
      expect((await owedOnPull(a, c)).balance).toMatchObject({ owed: 800 });
    });
  });

  describe(`sales, one rule on every door, on ${kind}`, () => {
    const items = [
      { name: 'Rice', quantity: 2, unitPrice: 150 },
      { name: 'Oil', quantity: 0.5, unitPrice: 901 },
    ];
    const sale = (fields: Record<string, unknown>) => ({
      items,
      total: 751,
      paidAmount: 751,
      soldAt: iso(T0),
      customerId: null,
      ...fields,
    });

    it('rejects a wrong total, an overpaid or unpaid walk-in sale, and applies the rest of the batch', async () => {
      const [a] = await store();
      const c = uuid();
      const good = uuid();
      const r = await push(a, [
        upsertEvent('customers', c, { name: 'Dana' }, T0),
        upsertEvent('sales', uuid(), sale({ total: 750 }), T0),
        upsertEvent('sales', uuid(), sale({ paidAmount: 752 }), T0),
        upsertEvent('sales', uuid(), sale({ paidAmount: 700 }), T0),
        upsertEvent('sales', good, sale({ paidAmount: 700, customerId: c }), T0),
        upsertEvent('sales', uuid(), sale({}), T0),
      ]);
      expect(r.results.map((x) => x.error?.code ?? x.status)).toEqual([
        'applied',
        'SALE_TOTAL_MISMATCH',
        'SALE_TOTAL_MISMATCH',
        'SALE_NEEDS_CUSTOMER',
        'applied',
        'applied',
      ]);
      expect(r.results[1]?.error?.message).toBe('total: Must be the sum of the items (751), not 750');
      // Checked on the row after the merge: taking the customer off a sale on credit is refused...
      const off = await push(a, [upsertEvent('sales', good, { customerId: null }, T0 + 1)]);
      expect(off.results[0]?.error?.code).toBe('SALE_NEEDS_CUSTOMER');
      // ...and new items need their total with them.
      const items2 = [{ name: 'Salt', quantity: 1, unitPrice: 80 }];
      const alone = await push(a, [upsertEvent('sales', good, { items: items2 }, T0 + 2)]);
      expect(alone.results[0]?.error?.code).toBe('SALE_TOTAL_MISMATCH');
      const both = await push(a, [
        upsertEvent('sales', good, { items: items2, total: 80, paidAmount: 80 }, T0 + 3),
      ]);
      expect(both.results[0]).toMatchObject({ status: 'applied', row: { total: 80, paidAmount: 80 } });
    });

    it('keeps a legacy sale that breaks the rules editable in fields they do not read', async () => {
      const [a] = await store();
      const id = uuid();
      await push(a, [upsertEvent('sales', id, sale({}), T0)]);
      await h.t.db.sql.query('UPDATE sales SET paid_amount = 10 WHERE user_id = $1::uuid AND id = $2::uuid', [
        a.userId,
        id,
      ]);
      const note = await push(a, [upsertEvent('sales', id, { note: 'legacy' }, T0 + 1)]);
      expect(note.results[0]).toMatchObject({ status: 'applied', row: { note: 'legacy', paidAmount: 10 } });
      const paid = await push(a, [upsertEvent('sales', id, { paidAmount: 20 }, T0 + 2)]);
      expect(paid.results[0]?.error?.code).toBe('SALE_NEEDS_CUSTOMER');
    });
  });
}
