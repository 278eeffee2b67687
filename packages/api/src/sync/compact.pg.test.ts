import type { EntityRow } from '@storesync/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createHarness,
  type DbKind,
  type Device,
  deleteEvent,
  type Harness,
  upsertEvent,
  uuid,
} from '../test/harness.ts';
import { compactStore, logHorizon } from './compact.ts';

const T0 = Date.parse('2026-08-01T09:00:00.000Z');
let tick = 0;
const at = () => T0 + ++tick * 1000;

type Book = Map<string, EntityRow>;

async function pullBook(device: Device, cursor = 0): Promise<{ book: Book; cursor: number; events: number }> {
  const book: Book = new Map();
  let events = 0;
  for (let page = await device.api.sync.pull({ cursor, limit: 50 }); ; ) {
    events += page.events.length;
    for (const e of page.events) book.set(`${e.entity}/${e.entityId}`, e.row);
    if (!page.hasMore) return { book, cursor: page.cursor, events };
    page = await device.api.sync.pull({ cursor: page.cursor, limit: 50 });
  }
}

const live = (book: Book) => new Map([...book].filter(([, row]) => row.deletedAt === null));

describe.each<DbKind>(['pg', 'pglite'])('compacting a store’s change log (%s)', (kind) => {
  let h: Harness;
  let phone: Device;
  const firstEvents: ReturnType<typeof upsertEvent>[] = [];
  let oldCursor = 0;
  let before: Book;

  beforeAll(async () => {
    h = await createHarness(kind);
    phone = await h.device('compact@example.com');
    const ids = Array.from({ length: 20 }, () => uuid());
    firstEvents.push(...ids.map((id, i) => upsertEvent('customers', id, { name: `Customer ${i}` }, at())));
    await phone.api.sync.push({ deviceId: phone.deviceId, events: firstEvents });
    oldCursor = (await pullBook(phone)).cursor;
    for (let round = 0; round < 3; round++)
      await phone.api.sync.push({
        deviceId: phone.deviceId,
        events: ids.map((id) => upsertEvent('customers', id, { note: `round ${round}` }, at())),
      });
    await phone.api.sync.push({
      deviceId: phone.deviceId,
      events: ids.slice(17).map((id) => deleteEvent('customers', id, at())),
    });
    // All of that was four months ago; then one recent edit.
    await h.t.db.sql.query(`UPDATE sync_events SET server_received_at = now() - interval '120 days'`);
    await phone.api.sync.push({
      deviceId: phone.deviceId,
      events: [upsertEvent('customers', ids[0] as string, { name: 'Amina' }, Date.now())],
    });
    before = (await pullBook(phone)).book;
  });
  afterAll(() => h.t.drop());

  it('keeps each row’s newest entry, drops superseded ones and old tombstones, in batches', async () => {
    const removed = await compactStore(h.t.db.sql, phone.userId, { horizonDays: 90, batch: 7 });
    // 20 customers made and edited 3 times, 3 deleted, 1 recent edit: 84; kept: the 17 live rows' newest.
    expect(removed).toBe(84 - 17);
    const after = await pullBook(phone);
    expect(after.events).toBe(17);
    expect(after.book).toEqual(live(before));
    expect(await compactStore(h.t.db.sql, phone.userId, { horizonDays: 90, batch: 7 })).toBe(0);
    // The dashboard's history of a row says its older changes were compacted.
    const history = await phone.api.history.row({
      entity: 'customers',
      id: firstEvents[1]?.entityId as string,
    });
    expect(history.map((e) => e.kind)).toEqual(['compacted']);
    expect(history[0]?.changes.map((c) => c.field)).toEqual(expect.arrayContaining(['name', 'note']));
  });

  it('still answers a retried push of compacted events as duplicates, applying nothing', async () => {
    const out = await phone.api.sync.push({ deviceId: phone.deviceId, events: firstEvents.slice(0, 5) });
    expect(out.results.map((r) => r.status)).toEqual(Array(5).fill('duplicate'));
    expect(out.results.every((r) => typeof r.eventId === 'number' && r.eventId > 0)).toBe(true);
    expect((await pullBook(phone)).book).toEqual(live(before));
  });

  it('tells a device whose cursor is older than a removed tombstone to resync, and no other', async () => {
    const horizon = await logHorizon(h.t.db.sql, phone.userId);
    expect(horizon).toBeGreaterThan(oldCursor);
    const refused = await phone.api.sync.pull({ cursor: oldCursor }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'CONFLICT', reason: 'RESYNC_REQUIRED' });
    // Over HTTP, the reason crosses the wire in error.data, as every refusal's does.
    const res = await h.http(`sync.pull?input=${encodeURIComponent(JSON.stringify({ cursor: oldCursor }))}`, {
      headers: { authorization: `Bearer ${phone.token}` },
    });
    expect(res.status).toBe(409);
    expect((await res.json()).error.data).toMatchObject({ code: 'CONFLICT', reason: 'RESYNC_REQUIRED' });
    // A new device (cursor 0), one at the horizon, and the snapshot's cursor pull as ever.
    await expect(phone.api.sync.pull({ cursor: 0 })).resolves.toMatchObject({ hasMore: false });
    await expect(phone.api.sync.pull({ cursor: horizon })).resolves.toMatchObject({ hasMore: false });
    const snapshot = await phone.api.sync.snapshot({});
    expect(snapshot.cursor).toBeGreaterThan(horizon);
    const book = new Map(snapshot.rows.map((r) => [`${r.entity}/${r.row.id}`, r.row]));
    const rest = await pullBook(phone, snapshot.cursor);
    for (const [k, row] of rest.book) book.set(k, row);
    expect(live(book)).toEqual(live(before));
  });

  it('leaves entries younger than the horizon alone', async () => {
    const fresh = await h.device('fresh-compact@example.com');
    const id = uuid();
    for (let i = 0; i < 4; i++)
      await fresh.api.sync.push({
        deviceId: fresh.deviceId,
        events: [upsertEvent('customers', id, { name: `v${i}` }, at())],
      });
    expect(await compactStore(h.t.db.sql, fresh.userId, { horizonDays: 90, batch: 1000 })).toBe(0);
    expect((await pullBook(fresh)).events).toBe(4);
    const history = await fresh.api.history.row({ entity: 'customers', id });
    expect(history.map((e) => e.kind)).toEqual(['edited', 'edited', 'edited', 'created']);
  });
});
