import { randomBytes } from 'node:crypto';
import type { EntityRow, SnapshotOutput } from '@storesync/schema';
import { ENTITIES, entityDigest, SETTINGS_ID } from '@storesync/schema';
import { TRPCError } from '@trpc/server';
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

const T0 = Date.parse('2026-12-01T09:00:00.000Z');
let tick = 0;
const at = () => T0 + ++tick * 1000;

async function push(device: Device, events: unknown[]) {
  const out = await device.api.sync.push({ deviceId: device.deviceId, events });
  for (const r of out.results) expect(r.status, JSON.stringify(r.error)).toBe('applied');
}

/** A book of every entity and field kind: edits, a back-dated debt, a tombstone, a link and a reminder. */
async function fillBook(device: Device): Promise<{ customers: string[] }> {
  const customers = Array.from({ length: 7 }, () => uuid());
  await push(device, [
    upsertEvent(
      'settings',
      SETTINGS_ID,
      { currency: 'KES', shopName: 'Duka', reminderTemplates: { sw: 'Habari {amount}' }, linkDays: 30 },
      at(),
    ),
    ...customers.map((id, i) =>
      upsertEvent(
        'customers',
        id,
        // One name with every character JSON must escape, and scripts it must not.
        {
          name: i === 2 ? 'Zoë "Z" \\ \t\u0001 😀 </x> علی' : `Customer ${i}`,
          phone: null,
          language: i % 2 ? 'sw' : null,
        },
        at(),
      ),
    ),
  ]);
  for (let round = 0; round < 3; round++)
    await push(
      device,
      customers.map((id, i) => upsertEvent('customers', id, { note: `edit ${round} of ${i}\nlínea` }, at())),
    );
  const [amina, baraka, , , , , gone] = customers as [string, string, string, string, string, string, string];
  const debt = uuid();
  const link = uuid();
  await push(device, [
    upsertEvent(
      'debts',
      debt,
      {
        customerId: amina,
        amount: 1200,
        note: null,
        dueDate: '2026-12-24',
        recordedAt: iso(T0 - 86_400_000),
      },
      at(),
    ),
    upsertEvent(
      'payments',
      uuid(),
      { customerId: amina, debtId: debt, amount: 200, paidAt: iso(at()), note: 'cash', kind: null },
      at(),
    ),
    upsertEvent(
      'sales',
      uuid(),
      {
        customerId: baraka,
        items: [
          { name: 'Unga 2kg', quantity: 2, unitPrice: 150 },
          { name: 'Sukari', quantity: 0.5, unitPrice: 180 },
        ],
        total: 390,
        paidAmount: 100,
        soldAt: iso(at()),
        note: null,
      },
      at(),
    ),
    upsertEvent(
      'links',
      link,
      {
        customerId: amina,
        token: randomBytes(24).toString('base64url'),
        expiresAt: iso(T0 + 60 * 86_400_000),
      },
      at(),
    ),
    upsertEvent(
      'reminders',
      uuid(),
      { customerId: amina, channel: 'whatsapp', amount: 1000, linkId: link, sentAt: iso(at()) },
      at(),
    ),
    deleteEvent('customers', gone, at()),
  ]);
  return { customers };
}

type Book = Map<string, EntityRow>;
const key = (entity: string, id: string) => `${entity}/${id}`;

/** The book a device reaches by the event pull from `cursor` over `book`: each entry's row replaces the one held. */
async function pullInto(device: Device, book: Book, cursor: number): Promise<Book> {
  for (let page = await device.api.sync.pull({ cursor, limit: 7 }); ; ) {
    for (const e of page.events) book.set(key(e.entity, e.entityId), e.row);
    if (!page.hasMore) return book;
    page = await device.api.sync.pull({ cursor: page.cursor, limit: 7 });
  }
}

/** Every page of a snapshot of `limit` rows; `between` runs after each page but the last. */
async function snapshotPages(
  device: Device,
  limit: number,
  between: () => Promise<void> = async () => {},
  entity?: 'customers',
) {
  const pages: SnapshotOutput[] = [];
  let after: string | undefined;
  do {
    const page = await device.api.sync.snapshot({
      limit,
      ...(after && { after }),
      ...(entity && { entity }),
    });
    pages.push(page);
    after = page.next ?? undefined;
    if (after) await between();
  } while (after);
  return pages;
}

describe.each<DbKind>(['pg', 'pglite'])('the snapshot of a store (%s)', (kind) => {
  let h: Harness;
  let phone: Device;
  let other: Device;
  let customers: string[];

  beforeAll(async () => {
    h = await createHarness(kind);
    phone = await h.device('shop@example.com');
    other = await h.device('other@example.com');
    ({ customers } = await fillBook(phone));
    await fillBook(other);
  });
  afterAll(() => h.t.drop());

  it('holds each row as the newest log entry for it has it, once, whatever the page size', async () => {
    const log = await pullInto(phone, new Map(), 0);
    const newest = (await phone.api.sync.pull({ cursor: 0, limit: 5000 })).cursor;
    for (const limit of [1, 2, 3, 5, 1000]) {
      const pages = await snapshotPages(phone, limit);
      const rows = pages.flatMap((p) => p.rows);
      expect(pages.every((p) => p.rows.length <= limit)).toBe(true);
      expect(pages[0]?.total).toBe(rows.length);
      expect(pages[0]?.cursor).toBe(newest);
      const book: Book = new Map(rows.map((r) => [key(r.entity, r.row.id), r.row]));
      expect(book.size, 'no row twice').toBe(rows.length);
      expect(book).toEqual(log);
    }
    // 7 customers (one a tombstone), settings, a debt, a repayment, a sale, a link and a reminder.
    expect(log.size).toBe(13);
    expect(log.get(key('customers', customers[6] as string))?.deletedAt).toMatch(/^2026-12-01T/);
  });

  it('with the log after its first cursor, misses nothing written while it was paged', async () => {
    const [amina, baraka, chiku] = customers as [string, string, string];
    const writes = [
      () => push(other, [upsertEvent('customers', uuid(), { name: 'Elsewhere' }, at())]),
      () => push(phone, [upsertEvent('customers', amina, { name: 'Amina W.' }, at())]),
      () => push(phone, [upsertEvent('customers', uuid(), { name: 'New at page 3' }, at())]),
      () => push(phone, [deleteEvent('customers', chiku, at())]),
      () =>
        push(phone, [
          upsertEvent('customers', baraka, { phone: '+254700000001' }, at()),
          upsertEvent('debts', uuid(), { customerId: baraka, amount: 50 }, at()),
        ]),
      () => push(phone, [upsertEvent('settings', SETTINGS_ID, { shopName: 'Duka la Amina' }, at())]),
    ];
    let n = 0;
    const pages = await snapshotPages(phone, 2, async () => {
      await writes[n++ % writes.length]?.();
    });
    expect(n, 'every write ran between two pages').toBeGreaterThanOrEqual(writes.length);
    const first = pages[0] as SnapshotOutput;
    const book: Book = new Map(pages.flatMap((p) => p.rows).map((r) => [key(r.entity, r.row.id), r.row]));
    await pullInto(phone, book, first.cursor);
    expect(book).toEqual(await pullInto(phone, new Map(), 0));
    expect(book.get(key('customers', amina))?.name).toBe('Amina W.');
  });

  it('never holds another store’s rows', async () => {
    const mine = new Set((await snapshotPages(phone, 1000)).flatMap((p) => p.rows.map((r) => r.row.id)));
    const theirs = (await snapshotPages(other, 1000)).flatMap((p) => p.rows.map((r) => r.row.id));
    expect(theirs.filter((id) => id !== SETTINGS_ID && mine.has(id))).toEqual([]);
    expect(theirs.length).toBeGreaterThan(10);
  });

  it('refuses an `after` that is not a page’s next, changing nothing', async () => {
    for (const after of ['customers', 'nobody:00000000-0000-0000-0000-000000000000', "customers:1' OR 1=1"]) {
      const refused = await phone.api.sync.snapshot({ after }).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(TRPCError);
      expect((refused as TRPCError).code).toBe('BAD_REQUEST');
    }
  });

  it('is an empty last page for a new store, at cursor 0', async () => {
    const fresh = await h.device('fresh@example.com');
    expect(await fresh.api.sync.snapshot({})).toEqual({ rows: [], cursor: 0, next: null, total: 0 });
  });

  it('pages one entity alone when asked, for a device mending it', async () => {
    const pages = await snapshotPages(phone, 2, undefined, 'customers');
    const rows = pages.flatMap((p) => p.rows);
    expect(rows.every((r) => r.entity === 'customers')).toBe(true);
    const log = await pullInto(phone, new Map(), 0);
    expect(rows.length).toBe([...log.keys()].filter((k) => k.startsWith('customers/')).length);
    const mixed = await phone.api.sync
      .snapshot({ entity: 'debts', after: pages[0]?.next ?? '' })
      .catch((e: unknown) => e);
    expect((mixed as TRPCError).code).toBe('BAD_REQUEST');
  });

  it('answers a digest per entity that a device computes alike from the live rows it pulled', async () => {
    const log = await pullInto(phone, new Map(), 0);
    const digest = await phone.api.sync.digest();
    expect(digest.cursor).toBe((await phone.api.sync.pull({ cursor: 0, limit: 5000 })).cursor);
    for (const entity of ENTITIES) {
      const live = [...log.entries()].filter(
        ([k, row]) => k.startsWith(`${entity}/`) && row.deletedAt === null,
      );
      expect(digest.entities[entity], entity).toEqual(entityDigest(live.map(([, row]) => row)));
    }
    expect(digest.entities.customers.count).toBeGreaterThan(3);
    // An edit changes the row's version and so the hash; the count stays.
    const [amina] = customers as [string];
    await push(phone, [upsertEvent('customers', amina, { note: 'digest' }, at())]);
    const after = await phone.api.sync.digest();
    expect(after.entities.customers.count).toBe(digest.entities.customers.count);
    expect(after.entities.customers.hash).not.toBe(digest.entities.customers.hash);
    expect(after.entities.debts).toEqual(digest.entities.debts);
    expect((await other.api.sync.digest()).entities.customers).not.toEqual(after.entities.customers);
  });
});
