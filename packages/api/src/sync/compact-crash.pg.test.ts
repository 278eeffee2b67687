import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { EntityRow } from '@storesync/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Device, deleteEvent, type Harness, upsertEvent, uuid } from '../test/harness.ts';
import { compactStore, logHorizon } from './compact.ts';

const APP = 'storesync-compactor-crash';
const CUSTOMERS = 400;
const WRITES = 10;
const DELETED = 40;

type Event = ReturnType<typeof upsertEvent> | ReturnType<typeof deleteEvent>;

/** The store's book as a new device gets it: the snapshot's pages, then the log after its cursor. */
async function bookOf(d: Device): Promise<Map<string, EntityRow>> {
  const book = new Map<string, EntityRow>();
  let page = await d.api.sync.snapshot({ limit: 500 });
  let cursor = page.cursor;
  for (;;) {
    for (const r of page.rows) book.set(`${r.entity}/${r.row.id}`, r.row);
    if (!page.next) break;
    page = await d.api.sync.snapshot({ limit: 500, after: page.next });
  }
  for (;;) {
    const pulled = await d.api.sync.pull({ cursor, limit: 1000 });
    for (const e of pulled.events) book.set(`${e.entity}/${e.entityId}`, e.row);
    cursor = pulled.cursor;
    if (!pulled.hasMore) return book;
  }
}

/** The compactor of test/compactor.ts in a process of its own; `batches` counts the batches it committed. */
function startCompactor(url: string, userId: string, batch: number) {
  const script = fileURLToPath(new URL('../test/compactor.ts', import.meta.url));
  const at = new URL(url);
  at.searchParams.set('application_name', APP);
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', script, at.href, userId, String(batch)],
    {
      cwd: fileURLToPath(new URL('../..', import.meta.url)),
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const state = { batches: 0 };
  child.stdout?.on('data', (chunk: Buffer) => {
    state.batches += chunk.toString().split('\n').filter(Boolean).length;
  });
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) =>
    child.on('exit', (code, signal) => resolve(signal ?? code)),
  );
  return { child, state, exited };
}

const until = async (what: string, check: () => Promise<boolean> | boolean, ms = 20_000) => {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('a compactor killed with -9 in the middle of a batch', () => {
  let h: Harness;
  let phone: Device;
  const pushed: Event[] = [];
  const tombstones = new Set<string>();
  let before: Map<string, EntityRow>;

  beforeAll(async () => {
    h = await createHarness('pg');
    phone = await h.device('compact-crash@example.com');
    const ids = Array.from({ length: CUSTOMERS }, () => uuid());
    const ms = Date.parse('2026-06-01T09:00:00.000Z');
    for (let w = 0; w < WRITES; w++)
      pushed.push(
        ...ids.map((id, i) => upsertEvent('customers', id, { name: `Customer ${i}`, note: `v${w}` }, ms + w)),
      );
    for (const id of ids.slice(0, DELETED)) {
      const gone = deleteEvent('customers', id, ms + WRITES);
      tombstones.add(gone.eventUuid);
      pushed.push(gone);
    }
    for (let i = 0; i < pushed.length; i += 500)
      await phone.api.sync.push({ deviceId: phone.deviceId, events: pushed.slice(i, i + 500) });
    await h.t.db.sql.query(`UPDATE sync_events SET server_received_at = now() - interval '120 days'`);
    const recent = upsertEvent('customers', ids.at(-1) as string, { note: 'today' }, Date.now());
    pushed.push(recent);
    await phone.api.sync.push({ deviceId: phone.deviceId, events: [recent] });
    before = await bookOf(phone);
  }, 60_000);
  afterAll(() => h?.t.drop());

  const uuids = async (table: 'sync_events' | 'compacted_events') =>
    (
      await h.t.db.sql.query<{ u: string }>(
        `SELECT event_uuid::text AS u FROM ${table} WHERE user_id = $1::uuid`,
        [phone.userId],
      )
    ).map((r) => r.u);

  it('leaves every batch whole or not at all, loses nothing, and the next pass finishes the work', async () => {
    const compactor = startCompactor(h.t.url, phone.userId, 100);
    await until('three batches', () => compactor.state.batches >= 3);

    // Hold the store's horizon row: the compactor's next batch deletes its entries, then waits
    // on it with its transaction open. That is where it dies.
    let committedBefore = 0;
    await h.t.db.sql.transaction(async (tx) => {
      await tx.query('SELECT 1 FROM log_horizons WHERE user_id = $1::uuid FOR UPDATE', [phone.userId]);
      committedBefore = (await uuids('compacted_events')).length;
      await until('the compactor waiting inside its batch', async () => {
        const [w] = await tx.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_stat_activity
           WHERE application_name = $1 AND wait_event_type = 'Lock' AND xact_start IS NOT NULL`,
          [APP],
        );
        return (w?.n ?? 0) > 0;
      });
      compactor.child.kill('SIGKILL');
      expect(await compactor.exited).toBe('SIGKILL');
    });
    await until('the killed compactor’s connection to end', async () => {
      const [c] = await h.t.db.sql.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1',
        [APP],
      );
      return c?.n === 0;
    });

    // The batch it died in left nothing; the ones before it are whole.
    const log = await uuids('sync_events');
    const compacted = await uuids('compacted_events');
    expect(committedBefore).toBeGreaterThanOrEqual(3 * 90);
    expect(compacted).toHaveLength(committedBefore);
    expect(log.length + compacted.length).toBe(pushed.length);
    expect(new Set([...log, ...compacted])).toEqual(new Set(pushed.map((e) => e.eventUuid)));
    // A removed tombstone is behind the horizon, so a device behind it is told to resync.
    const [newestGoneTombstone] = await h.t.db.sql.query<{ id: string | null }>(
      'SELECT max(event_id)::text AS id FROM compacted_events WHERE user_id = $1::uuid AND event_uuid = ANY($2::uuid[])',
      [phone.userId, [...tombstones]],
    );
    expect(await logHorizon(h.t.db.sql, phone.userId)).toBeGreaterThanOrEqual(
      Number(newestGoneTombstone?.id ?? 0),
    );
    expect(await h.t.db.sql.query("SELECT 1 FROM pg_locks WHERE locktype = 'advisory'")).toEqual([]);
    expect(await bookOf(phone)).toEqual(before);

    // The next pass (the app's job after a restart) takes up where the dead one stopped.
    await compactStore(h.t.db.sql, phone.userId, { horizonDays: 90, batch: 100 });
    const live = [...before.values()].filter((r) => r.deletedAt === null);
    expect(await uuids('sync_events')).toHaveLength(live.length);
    expect((await uuids('compacted_events')).length).toBe(pushed.length - live.length);
    expect(await bookOf(phone)).toEqual(before);
    const retried = await phone.api.sync.push({ deviceId: phone.deviceId, events: pushed.slice(0, 500) });
    expect(new Set(retried.results.map((r) => r.status))).toEqual(new Set(['duplicate']));
  }, 60_000);
});
