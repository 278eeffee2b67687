import { compactStore, pauseAfter } from '@storesync/api';
import { type Bench, fmt, log } from '../context.ts';
import { newCustomerEvents } from '../events.ts';
import type { Table } from '../report.ts';
import { settle } from '../settle.ts';
import { percentile } from '../stats.ts';

const EVENTS = Number(process.env.BENCH_COMPACT_EVENTS ?? 1_000_000);
/** Each row written this many times: all but its newest entry go. */
const WRITES = 10;
const PUSH_SECONDS = 8;
/** As the server's background job: batches of 1,000, each followed by `pauseAfter`'s pause. */
const OPTIONS = { horizonDays: 90, batch: 1000 };

const MiB = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;

/**
 * Issue 25: compaction of a store of `EVENTS` change-log entries, 100 days old (`EVENTS` ÷ 10
 * customers written 10 times), built by SQL from one real push's entry: entries per second, the
 * pushes' p99 of another store (10 events a push, over HTTP, back to back) before, during and
 * after, and the log's size before and after (after VACUUM FULL: what the space comes to once
 * reused).
 */
export async function compactionScenario(b: Bench): Promise<Table> {
  const owner = await b.device(false);
  const pusher = await b.device(true);
  await owner.push(newCustomerEvents(1));
  const [store] = await b.db.sql.query<{ user_id: string }>(
    'SELECT user_id::text FROM sessions WHERE device_id = $1',
    [owner.deviceId],
  );
  const userId = store?.user_id ?? '';
  log(`compaction: building a log of ${fmt(EVENTS)} entries`);
  for (let done = 0; done < EVENTS; done += 100_000)
    await b.db.sql.query(
      `INSERT INTO sync_events (user_id, device_id, entity, entity_id, op, payload, client_updated_at, server_received_at, event_uuid)
       SELECT e.user_id, e.device_id, e.entity, ids.id, e.op, e.payload, e.client_updated_at,
         now() - interval '100 days', gen_random_uuid()
       FROM (SELECT * FROM sync_events WHERE user_id = $1::uuid LIMIT 1) e,
         LATERAL (SELECT md5((($2::int + i) % $3::int)::text)::uuid AS id FROM generate_series(1, 100000) i) ids`,
      [userId, done, EVENTS / WRITES],
    );
  // The one real entry too: the whole log is from 100 days ago.
  await b.db.sql.query(
    `UPDATE sync_events SET server_received_at = now() - interval '100 days' WHERE user_id = $1::uuid`,
    [userId],
  );
  await b.db.sql.query('VACUUM ANALYZE sync_events');
  const size = async () => {
    const [s] = await b.db.sql.query<{ t: string; i: string }>(
      "SELECT pg_table_size('sync_events')::text AS t, pg_indexes_size('sync_events')::text AS i",
    );
    return { table: Number(s?.t), indexes: Number(s?.i) };
  };
  const before = await size();

  /** Push latencies until `until` resolves (or for PUSH_SECONDS). */
  const pushes = async (until?: Promise<unknown>) => {
    const ms: number[] = [];
    let over = false;
    void until?.then(() => {
      over = true;
    });
    const end = performance.now() + PUSH_SECONDS * 1000;
    while (until ? !over : performance.now() < end) {
      const t0 = performance.now();
      await pusher.push(newCustomerEvents(10));
      ms.push(performance.now() - t0);
    }
    return ms;
  };
  const quiet = await pushes();
  const t0 = performance.now();
  const compaction = compactStore(b.db.sql, userId, OPTIONS, pauseAfter);
  const during = await pushes(compaction);
  const removed = await compaction;
  const seconds = (performance.now() - t0) / 1000;
  // Then the deletes' aftermath (WAL, dead rows): right away, and once vacuumed and checkpointed.
  const after = await pushes();
  await settle(b.url);
  const settled = await pushes();
  await b.db.sql.query('VACUUM FULL sync_events');
  const compacted = await size();
  const p99 = (xs: number[]) => percentile(xs, 99);
  log(`compaction: ${fmt(removed)} entries removed in ${seconds.toFixed(1)} s`);
  return {
    title: `Compaction of a store of ${fmt(EVENTS)} change-log entries, 100 days old (${fmt(EVENTS / WRITES)} customers written ${WRITES} times; issue 25)`,
    header: ['figure', 'value', 'target'],
    rows: [
      ['entries removed', fmt(removed), ''],
      [
        'entries looked at per second (batches of 1,000, each followed by a pause 3× as long, as the server runs it)',
        `${fmt(EVENTS / seconds)} (${seconds.toFixed(1)} s in all)`,
        '',
      ],
      [
        `another store's pushes (10 events, HTTP) p99: before / during / right after / after VACUUM and CHECKPOINT`,
        `${[quiet, during, after, settled].map((xs) => p99(xs).toFixed(1)).join(' / ')} ms (${during.length} pushes during)`,
        '',
      ],
      ['p99 during ÷ before', (p99(during) / p99(quiet)).toFixed(2), '≤ 1.2'],
      ['median during ÷ before', (percentile(during, 50) / percentile(quiet, 50)).toFixed(2), ''],
      ['sync_events: table / indexes before', `${MiB(before.table)} / ${MiB(before.indexes)}`, ''],
      [
        'after (VACUUM FULL: the space once reused)',
        `${MiB(compacted.table)} / ${MiB(compacted.indexes)}`,
        '',
      ],
    ],
  };
}
