import { isStorableText } from '@storesync/schema';
import fc from 'fast-check';
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
import { arrayLiteral } from './write.ts';

const T0 = Date.parse('2026-03-01T00:00:00.000Z');

/**
 * The write's two paths: rows new to the store are plain INSERTs, rows it holds
 * UPDATEs; values travel as typed arrays and JSON lines. On both databases.
 */
describe.each(['pg', 'pglite'] as DbKind[])('push writes on %s', (kind) => {
  let h: Harness;
  let a: Device;
  let b: Device;
  let n = 0;
  const push = (d: Device, events: unknown[]) => d.api.sync.push({ deviceId: d.deviceId, events });
  const stored = async (d: Device, table: string, id: string) =>
    (
      await h.t.db.sql.query<Record<string, unknown>>(
        `SELECT to_jsonb(t) AS r FROM ${table} t WHERE user_id = $1 AND id = $2`,
        [d.userId, id],
      )
    )[0]?.r as Record<string, unknown> | undefined;
  const pullAll = async (d: Device) => {
    const out = [];
    let cursor = 0;
    for (;;) {
      const page = await d.api.sync.pull({ cursor, limit: 1000 });
      out.push(...page.events);
      cursor = page.cursor;
      if (!page.hasMore) return out;
    }
  };

  beforeAll(async () => {
    h = await createHarness(kind);
  }, 60_000);
  afterAll(() => h.t.drop());

  const freshStore = async () => {
    n += 1;
    return [
      await h.device(`w${n}@example.com`, 'phone-a'),
      await h.device(`w${n}@example.com`, 'phone-b'),
    ] as [Device, Device];
  };

  it('merges into a row the store already holds, in the same batch as new rows', async () => {
    [a, b] = await freshStore();
    const held = uuid();
    await push(a, [upsertEvent('customers', held, { name: 'Ada', phone: '1', note: 'first' }, T0)]);

    const fresh = uuid();
    const r = await push(b, [
      // An older create of the held row: its fields lose to Ada's, nothing changes.
      upsertEvent('customers', held, { name: 'Old', phone: '0', note: 'stale' }, T0 - 1000),
      // A newer edit of one field of the held row.
      upsertEvent('customers', held, { phone: '2' }, T0 + 1000, { updatedFields: ['phone'] }),
      // A row created and edited in the batch: one INSERT of its final state.
      upsertEvent('customers', fresh, { name: 'Bo' }, T0),
      upsertEvent('customers', fresh, { note: 'second' }, T0 + 1, { updatedFields: ['note'] }),
    ]);
    expect(r.results.map((x) => x.status)).toEqual(['ignored', 'applied', 'applied', 'applied']);
    expect(r.results[1]?.row).toMatchObject({
      id: held,
      name: 'Ada',
      phone: '2',
      note: 'first',
      rowVersion: 2,
    });
    expect(r.results[3]?.row).toMatchObject({ id: fresh, name: 'Bo', note: 'second', rowVersion: 2 });

    const heldRow = await stored(b, 'customers', held);
    expect(heldRow).toMatchObject({
      name: 'Ada',
      phone: '2',
      note: 'first',
      row_version: 2,
      updated_by_device_id: 'phone-b',
      deleted_at: null,
      deleted_clock: null,
    });
    // created_at is the first push's; updated_at moved on.
    expect(heldRow?.created_at).not.toEqual(heldRow?.updated_at);
    const clocks = (heldRow?.clocks ?? {}) as Record<string, unknown[]>;
    expect(clocks.phone?.[1]).toBe('phone-b');
    expect(clocks.name?.[1]).toBe('phone-a');
    expect(await stored(b, 'customers', fresh)).toMatchObject({ name: 'Bo', note: 'second', row_version: 2 });

    // The log holds one event per applied change, in the batch's order, with ascending ids.
    const log = await pullAll(a);
    expect(log.map((e) => [e.entityId, e.deviceId])).toEqual([
      [held, 'phone-a'],
      [held, 'phone-b'],
      [fresh, 'phone-b'],
      [fresh, 'phone-b'],
    ]);
    expect(log.map((e) => e.eventId)).toEqual([...log.map((e) => e.eventId)].sort((x, y) => x - y));
    expect(r.results.slice(1).map((x) => x.eventId)).toEqual(log.slice(1).map((e) => e.eventId));
  });

  it('inserts a row created and deleted in one batch as a tombstone, and revives it later by UPDATE', async () => {
    [a] = await freshStore();
    const id = uuid();
    const r = await push(a, [
      upsertEvent('customers', id, { name: 'Gone' }, T0),
      deleteEvent('customers', id, T0 + 1),
    ]);
    expect(r.results.map((x) => x.status)).toEqual(['applied', 'applied']);
    const row = await stored(a, 'customers', id);
    expect(row?.deleted_at).not.toBeNull();
    expect(row?.deleted_clock).toEqual([iso(T0 + 1), 'phone-a', r.results[1]?.eventUuid]);

    const again = await push(a, [upsertEvent('customers', id, { name: 'Back' }, T0 + 2)]);
    expect(again.results[0]?.status).toBe('applied');
    expect(again.results[0]?.row).toMatchObject({ name: 'Back', deletedAt: null, rowVersion: 3 });
    expect(await stored(a, 'customers', id)).toMatchObject({
      name: 'Back',
      deleted_at: null,
      row_version: 3,
    });
  });

  it('keeps any text and JSON exactly: newlines, tabs, quotes, backslashes, braces, NULL-like words', async () => {
    [a] = await freshStore();
    const nasty = [
      'two\nlines',
      'tab\there',
      'quote " and \' and `',
      'back\\slash \\n not a newline',
      '{braces,commas}',
      'NULL',
      'null',
      '',
      ' ',
      'emoji 🧾 and \u2028 separator',
    ];
    const cust = uuid();
    const sale = uuid();
    const items = nasty.map((name, i) => ({ name: name || 'empty', quantity: i + 1, unitPrice: 10 }));
    const events = [
      upsertEvent('customers', cust, { name: 'x\ny', phone: nasty[2], note: nasty[3] }, T0),
      ...nasty.map((note) => upsertEvent('customers', uuid(), { name: note || 'empty note', note }, T0)),
      upsertEvent(
        'sales',
        sale,
        { customerId: cust, items, total: 550, paidAmount: 0, soldAt: iso(T0), note: 'a\r\nb' },
        T0,
      ),
    ];
    const r = await push(a, events);
    expect(r.results.filter((x) => x.status !== 'applied')).toEqual([]);
    expect(await stored(a, 'customers', cust)).toMatchObject({
      name: 'x\ny',
      phone: nasty[2],
      note: nasty[3],
    });
    for (const [i, note] of nasty.entries()) {
      const row = await stored(a, 'customers', events[i + 1]?.entityId as string);
      expect(row?.note).toBe(note);
    }
    expect(await stored(a, 'sales', sale)).toMatchObject({ items, note: 'a\r\nb', customer_id: cust });
    const pulled = (await pullAll(a)).find((e) => e.entityId === sale);
    expect(pulled?.row).toMatchObject({ items, note: 'a\r\nb' });
  });

  it('clears an optional field to NULL on the UPDATE path', async () => {
    [a] = await freshStore();
    const id = uuid();
    await push(a, [upsertEvent('customers', id, { name: 'N', phone: '5', note: 'n' }, T0)]);
    const r = await push(a, [upsertEvent('customers', id, {}, T0 + 1, { updatedFields: ['phone'] })]);
    expect(r.results[0]?.row).toMatchObject({ phone: null, note: 'n' });
    expect(await stored(a, 'customers', id)).toMatchObject({ phone: null, note: 'n', row_version: 2 });
  });

  it('sends any storable text, number and null through an array literal unchanged', async () => {
    const texts = fc.array(
      fc.oneof(fc.string({ unit: 'binary' }).filter(isStorableText), fc.constant(null)),
      {
        maxLength: 20,
      },
    );
    await fc.assert(
      fc.asyncProperty(texts, fc.array(fc.integer(), { maxLength: 5 }), async (values, numbers) => {
        const [row] = await h.t.db.sql.query<{ t: (string | null)[]; n: string[] }>(
          'SELECT $1::text[] AS t, $2::bigint[]::text[] AS n',
          [arrayLiteral(values), arrayLiteral(numbers)],
        );
        expect(row?.t).toEqual(values);
        expect(row?.n).toEqual(numbers.map(String));
      }),
      { numRuns: 200 },
    );
  });
});
