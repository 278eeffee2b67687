import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createHarness,
  type DbKind,
  type Device,
  type Harness,
  iso,
  upsertEvent,
  uuid,
} from '../test/harness.ts';
import { PAGE_BYTES, pullEvents, pullEventsJson } from './pull.ts';

/** A sale as large as the limits allow: 200 items of 200-character names. */
const bigSale = (name: () => string, at: number) =>
  upsertEvent(
    'sales',
    uuid(),
    {
      customerId: null,
      items: Array.from({ length: 200 }, () => ({ name: name(), quantity: 1, unitPrice: 1 })),
      total: 200,
      paidAmount: 200,
      soldAt: iso(at),
      note: null,
    },
    at,
  );

/** Names that do not compress, and names that do (a random word said seven times). */
const randomName = () => randomBytes(150).toString('base64');
const repeatedName = () => randomBytes(21).toString('base64').repeat(7);

/** ~45 KB a sale: enough of them for a page to reach PAGE_BYTES well before 5000 events. */
const SALES = Math.ceil((PAGE_BYTES * 1.6) / 45_000);

async function fill(device: Device, name: () => string) {
  const t0 = Date.now();
  for (let done = 0; done < SALES; done += 20) {
    const events = Array.from({ length: Math.min(20, SALES - done) }, (_, i) => bigSale(name, t0 + done + i));
    const out = await device.api.sync.push({ deviceId: device.deviceId, events });
    expect(out.results.every((r) => r.status === 'applied')).toBe(true);
  }
}

describe.each<DbKind>(['pg', 'pglite'])('a pull page of large rows (%s)', (kind) => {
  let h: Harness;
  let plain: Device;
  let packed: Device;

  beforeAll(async () => {
    h = await createHarness(kind);
    plain = await h.device('plain@example.com');
    packed = await h.device('packed@example.com');
    await fill(plain, randomName);
    await fill(packed, repeatedName);
  });
  afterAll(() => h.t.drop());

  /** Pages through the device's store, 5000 asked a page: every event once, in order. The pages' sizes. */
  const pageAll = async (device: Device) => {
    const sizes: number[] = [];
    const ids: number[] = [];
    let cursor = 0;
    for (let hasMore = true; hasMore; ) {
      const page = await pullEventsJson(h.t.db.sql, device.userId, cursor, 5000);
      const events = JSON.parse(page.json).events as { eventId: number }[];
      expect(events.length).toBeGreaterThan(0);
      sizes.push(page.json.length);
      ids.push(...events.map((e) => e.eventId));
      ({ cursor, hasMore } = page);
    }
    expect(ids).toHaveLength(SALES);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(new Set(ids).size).toBe(SALES);
    // The object form pages the same way.
    const first = await pullEvents(h.t.db.sql, device.userId, 0, 5000);
    expect(first.hasMore).toBe(true);
    expect(first.events.map((e) => e.eventId)).toEqual(ids.slice(0, first.events.length));
    // Cut by size, not by count: 5000 asked, each page far from it.
    expect(sizes.length).toBeGreaterThan(1);
    return sizes;
  };

  it('with names that do not compress, a page ends at about PAGE_BYTES', async () => {
    for (const size of (await pageAll(plain)).slice(0, -1)) {
      expect(size).toBeGreaterThan(PAGE_BYTES * 0.75);
      expect(size).toBeLessThan(PAGE_BYTES + 100_000);
    }
  });

  it('with names that compress, a page still ends long before 5000, and prints less than 16 × PAGE_BYTES', async () => {
    for (const size of await pageAll(packed)) expect(size).toBeLessThan(16 * PAGE_BYTES);
  });

  it('the compressible rows are stored compressed, so their stored size is a small part of what they print', async () => {
    const [row] = await h.t.db.sql.query<{ stored: string; printed: string }>(
      `SELECT sum(pg_column_size(payload))::text AS stored, sum(octet_length(payload::text))::text AS printed
       FROM sync_events WHERE user_id = $1::uuid`,
      [packed.userId],
    );
    expect(Number(row?.stored)).toBeLessThan(Number(row?.printed) / 3);
  });

  it('a limit below the size cut still ends the page at the limit', async () => {
    const page = await pullEvents(h.t.db.sql, plain.userId, 0, 3);
    expect(page.events).toHaveLength(3);
    expect(page.hasMore).toBe(true);
    expect(page.cursor).toBe(page.events[2]?.eventId);
  });
});
