import type { SqlDb } from '@storesync/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Device, type Harness, upsertEvent, uuid } from '../test/harness.ts';
import { parseAfter, readSnapshotPageJson } from './snapshot.ts';
import { readSnapshotPageAhead } from './snapshot-ahead.ts';

let h: Harness;
let a: Device;
let b: Device;
beforeAll(async () => {
  h = await createHarness('pg');
  a = await h.device('ahead-a@example.com');
  b = await h.device('ahead-b@example.com');
  for (const d of [a, b])
    await d.api.sync.push({
      deviceId: d.deviceId,
      events: Array.from({ length: 9 }, (_, i) =>
        upsertEvent('customers', uuid(), { name: `${d.userId} ${i}` }, Date.now()),
      ),
    });
});
afterAll(() => h.t.drop());

/** The database, counting the page reads (one transaction each) made through it. */
function counting(sql: SqlDb) {
  const reads = { n: 0 };
  const counted: SqlDb = {
    ...sql,
    transaction: (fn) => {
      reads.n += 1;
      return sql.transaction(fn);
    },
  };
  return { counted, reads };
}

describe('snapshot pages read ahead', () => {
  it('serves each next page from the read made while the device wrote the last, the same page', async () => {
    const { counted, reads } = counting(h.t.db.sql);
    const first = await readSnapshotPageAhead(counted, a.userId, null, 3);
    expect(reads.n).toBe(2); // the page, and the next one read at once
    const after = parseAfter(first.next ?? '');
    const second = await readSnapshotPageAhead(counted, a.userId, after, 3);
    expect(reads.n).toBe(3); // served from the read ahead; the third read now
    expect(second).toEqual(await readSnapshotPageJson(h.t.db.sql, a.userId, after, 3));
    expect(JSON.parse(second.json).rows.map((r: { row: { name: string } }) => r.row.name)).toHaveLength(3);
  });

  it('never serves one store’s page to another, nor one asked with another size', async () => {
    const first = await readSnapshotPageAhead(h.t.db.sql, a.userId, null, 3);
    const after = parseAfter(first.next ?? '');
    const { counted, reads } = counting(h.t.db.sql);
    const other = await readSnapshotPageAhead(counted, b.userId, after, 3);
    expect(
      JSON.parse(other.json).rows.every((r: { row: { name: string } }) => r.row.name.startsWith(b.userId)),
    ).toBe(true);
    const resized = await readSnapshotPageAhead(counted, a.userId, after, 4);
    expect(JSON.parse(resized.json).rows).toHaveLength(4);
    expect(reads.n).toBeGreaterThanOrEqual(3); // both read afresh (and their next ones ahead)
  });
});
