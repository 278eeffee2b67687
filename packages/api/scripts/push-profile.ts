/**
 * Where one push's time goes: `applyPush` called directly on PostgreSQL, with
 * every statement of its transaction timed. Prints medians per statement kind
 * and the Node-side remainder, for batches of PUSH_BATCH (default 500) new
 * customers, PUSH_RUNS times (default 40).
 *
 *   node node_modules/tsx/dist/cli.mjs packages/api/scripts/push-profile.ts
 */
import { randomUUID } from 'node:crypto';
import type { Db, SqlRunner } from '@storesync/db';
import { createTestDatabase } from '@storesync/db/testing';
import { uuidV7 } from '@storesync/schema';
import { applyPush } from '../src/sync/push.ts';

const BATCH = Number(process.env.PUSH_BATCH ?? 500);
const RUNS = Number(process.env.PUSH_RUNS ?? 40);

const EXPLAIN = process.env.PUSH_EXPLAIN === '1';
let lastPlan = '';
const t = await createTestDatabase({ poolSize: 2 });
const times: Record<string, number[]> = {};
const add = (k: string, ms: number) => {
  times[k] ??= [];
  times[k].push(ms);
};
const kindOf = (sql: string) =>
  sql.includes('pg_advisory') ? 'lock' : sql.includes('INSERT INTO sync_events') ? 'write' : 'read';

const timed = (tx: SqlRunner): SqlRunner => ({
  async exec(sql) {
    const t0 = performance.now();
    await tx.exec(sql);
    add('lock', performance.now() - t0);
  },
  async query<T>(sql: string, params?: unknown[]) {
    if (EXPLAIN && kindOf(sql) === 'write') {
      await tx.query('SAVEPOINT explain');
      const plan = await tx.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS, WAL) ${sql}`, params);
      await tx.query('ROLLBACK TO SAVEPOINT explain');
      lastPlan = plan.map((r) => r['QUERY PLAN']).join('\n');
    }
    const t0 = performance.now();
    const out = await tx.query<T>(sql, params);
    add(kindOf(sql), performance.now() - t0);
    return out;
  },
});
const db = {
  sql: {
    query: t.db.sql.query,
    async transaction<T>(fn: (tx: SqlRunner) => Promise<T>) {
      const t0 = performance.now();
      let inside = 0;
      const out = await t.db.sql.transaction(async (tx) => {
        const t1 = performance.now();
        try {
          return await fn(timed(tx));
        } finally {
          inside = performance.now() - t1;
          add('transaction body', inside);
        }
      });
      add('connect+BEGIN+COMMIT', performance.now() - t0 - inside);
      return out;
    },
  },
} as unknown as Db;

const userId = randomUUID();
await t.db.sql.query(`INSERT INTO users (id, google_sub, email) VALUES ($1, $2, 'p@example.com')`, [
  userId,
  `p:${userId}`,
]);
const events = () =>
  Array.from({ length: BATCH }, (_, i) => ({
    eventUuid: uuidV7(),
    entity: 'customers',
    entityId: uuidV7(),
    op: 'upsert',
    payload: { name: `customer ${i}`, phone: '+254700000000', note: 'regular, pays on Fridays' },
    clientUpdatedAt: new Date().toISOString(),
  }));

// PUSH_FILL: rows put in the store first (server-side, customers and as many events).
const FILL = Number(process.env.PUSH_FILL ?? 0);
if (FILL) {
  const t0 = performance.now();
  for (let done = 0; done < FILL; done += 100_000) {
    const n = Math.min(100_000, FILL - done);
    await t.db.sql.query(
      `INSERT INTO customers (user_id, id, name, phone, note, created_at, updated_at, updated_by_device_id,
         row_version, clocks)
       SELECT $1::uuid, gen_random_uuid(), 'fill ' || g, '+254700000000', 'regular, pays on Fridays', now(), now(),
         'fill', 1, jsonb_build_object('name', jsonb_build_array(now()::text, 'fill', gen_random_uuid()))
       FROM generate_series(1, $2::int) g`,
      [userId, n],
    );
    await t.db.sql.query(
      `INSERT INTO sync_events (user_id, device_id, entity, entity_id, op, payload, client_updated_at, event_uuid)
       SELECT $1::uuid, 'fill', 'customers', gen_random_uuid(), 'upsert',
         jsonb_build_object('name', 'fill ' || g, 'phone', '+254700000000', 'note', 'regular, pays on Fridays'),
         now(), gen_random_uuid()
       FROM generate_series(1, $2::int) g`,
      [userId, n],
    );
  }
  await t.db.sql.query('VACUUM ANALYZE customers');
  await t.db.sql.query('VACUUM ANALYZE sync_events');
  await t.db.sql.query('CHECKPOINT');
  console.log(`filled the store with ${FILL} rows in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] ?? 0;
try {
  for (let r = 0; r < RUNS + 5; r++) {
    const batch = events();
    const t0 = performance.now();
    const out = await applyPush(db, { userId, deviceId: 'profile' }, batch);
    const total = performance.now() - t0;
    const t1 = performance.now();
    JSON.stringify(out);
    const stringify = performance.now() - t1;
    if (r < 5) {
      for (const k of Object.keys(times)) times[k] = [];
      continue;
    }
    add('total applyPush', total);
    add('JSON.stringify(answer)', stringify);
  }
  const db_ = ['lock', 'read', 'write', 'connect+BEGIN+COMMIT'].reduce(
    (s, k) => s + median(times[k] ?? []),
    0,
  );
  for (const [k, xs] of Object.entries(times))
    console.log(
      `${k.padEnd(24)} median ${median(xs).toFixed(2)} ms (${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)})`,
    );
  console.log(`${'rest (Node)'.padEnd(24)} ~${(median(times['total applyPush'] ?? []) - db_).toFixed(2)} ms`);
  if (EXPLAIN) console.log(lastPlan);
} finally {
  await t.drop();
}
