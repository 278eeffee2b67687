/**
 * How long the local writes of a first sync take: `pullChanges` on a SQLite
 * file opened as `openSqliteStore` opens it, fed by a fake server that answers
 * every page at once, so the time is the client's own. Then a second pass over
 * the same rows (all held, 1% with a pending local edit) for the rebase path.
 * `pnpm bench:apply`; ROWS, PAGE and RUNS in the environment change the size,
 * PRAGMAS (`a=1,b=2`) tries other SQLite settings.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EntityRow, PullOutput } from '@storesync/schema';
import { createHlc } from '../src/hlc.ts';
import { recordChange } from '../src/outbox.ts';
import { pullChanges } from '../src/pull.ts';
import { runMany } from '../src/storage/sql-batch.ts';
import type { SqlDriver } from '../src/storage/sql-driver.ts';
import { createSqlStore } from '../src/storage/sql-store.ts';
import { betterSqliteDriver, openSqliteDatabase } from '../src/storage/sqlite.ts';
import type { Store } from '../src/storage/types.ts';
import type { SyncApi } from '../src/transport.ts';

const ROWS = Number(process.env.ROWS ?? 100_000);
const PAGE = Number(process.env.PAGE ?? 1000);
const RUNS = Number(process.env.RUNS ?? 3);
const USER = 'bench-user';

/** Ids as devices make them: random v4 UUIDs (seeded by `n`), so rows land all over the id index. */
const uuid = (n: number) => {
  const h = createHash('sha1').update(String(n)).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
};
const at = (n: number) => new Date(Date.UTC(2030, 0, 1) + n).toISOString();

const customer = (n: number, rowVersion: number): EntityRow => ({
  id: uuid(n),
  createdAt: at(n),
  updatedAt: at(n + rowVersion),
  deletedAt: null,
  updatedByDeviceId: 'web-device',
  rowVersion,
  name: `Customer ${n} v${rowVersion}`,
  phone: `+2547${n.toString().padStart(8, '0')}`,
  note: n % 3 === 0 ? null : 'pays on Fridays',
});

/** The whole log as the server pages it, built before the clock starts. */
function buildPages(rowVersion: number): PullOutput[] {
  const pages: PullOutput[] = [];
  for (let start = 0; start < ROWS; start += PAGE) {
    const ns = Array.from({ length: Math.min(PAGE, ROWS - start) }, (_, i) => start + i);
    const events = ns.map((n) => ({
      eventId: (rowVersion - 1) * ROWS + n + 1,
      entity: 'customers' as const,
      entityId: uuid(n),
      op: 'upsert' as const,
      row: customer(n, rowVersion),
      deviceId: 'web-device',
      serverReceivedAt: at(n),
    }));
    pages.push({ events, cursor: events.at(-1)?.eventId ?? 0, hasMore: start + PAGE < ROWS });
  }
  return pages;
}

const fakeApi = (pages: PullOutput[]): SyncApi => ({
  push: async () => ({ results: [], serverTime: at(0) }),
  pull: async ({ cursor }) =>
    pages.find((p) => (p.events[0]?.eventId ?? 0) > cursor) ?? { events: [], cursor, hasMore: false },
});

/** Counts the statements SQLite runs, and the calls into the driver that run them. */
function counted(driver: SqlDriver) {
  const counter = { statements: 0, calls: 0 };
  const wrapped: SqlDriver = {
    run: (sql, params) => {
      counter.statements += 1;
      counter.calls += 1;
      return driver.run(sql, params);
    },
    runMany: (sql, paramsList) => {
      counter.statements += paramsList.length;
      counter.calls += 1;
      return runMany(driver, sql, paramsList);
    },
    all: (sql, params) => {
      counter.statements += 1;
      counter.calls += 1;
      return driver.all(sql, params);
    },
    close: () => driver.close(),
  };
  return { driver: wrapped, counter };
}

type Counter = ReturnType<typeof counted>['counter'];

async function timedPull(store: Store, counter: Counter, pages: PullOutput[]) {
  const before = { ...counter };
  const t0 = performance.now();
  await pullChanges({ store, api: fakeApi(pages), hlc: createHlc(), userId: USER, limit: PAGE });
  const ms = performance.now() - t0;
  return {
    msPer100k: (ms * 100_000) / ROWS,
    statements: (counter.statements - before.statements) / ROWS,
    calls: (counter.calls - before.calls) / ROWS,
  };
}

async function run() {
  const dir = mkdtempSync(join(tmpdir(), 'sync-client-apply-bench-'));
  try {
    const db = openSqliteDatabase(join(dir, 'book.db'));
    for (const p of (process.env.PRAGMAS ?? '').split(',').filter(Boolean)) db.pragma(p);
    const { driver, counter } = counted(betterSqliteDriver(db));
    const store = await createSqlStore(driver);
    await store.transaction((tx) => tx.setState({ userId: USER, deviceId: 'bench-device' }));
    const first = await timedPull(store, counter, buildPages(1));
    await store.transaction(async (tx) => {
      for (let n = 0; n < ROWS; n += 100) {
        await recordChange(tx, await tx.getRow('customers', uuid(n)), {
          userId: USER,
          deviceId: 'bench-device',
          entity: 'customers',
          entityId: uuid(n),
          op: 'upsert',
          payload: { note: 'local edit' },
          updatedFields: ['note'],
          clientUpdatedAt: at(ROWS * 10),
          eventUuid: uuid(ROWS + n),
        });
      }
    });
    const second = await timedPull(store, counter, buildPages(2));
    const rows = await store.transaction((tx) => tx.listRows('customers'));
    const edited = rows.filter((r) => r.note === 'local edit').length;
    if (rows.length !== ROWS || edited !== Math.ceil(ROWS / 100) || rows.some((r) => r.rowVersion !== 2))
      throw new Error(`wrong book: ${rows.length} rows, ${edited} with their local edit`);
    await store.close();
    return { first, second };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const fmt = (r: Awaited<ReturnType<typeof timedPull>>) =>
  `${r.msPer100k.toFixed(0).padStart(5)} ms per 100k rows, ${r.statements.toFixed(2)} statements ` +
  `and ${r.calls.toFixed(3)} driver calls per row`;

console.log(`${ROWS} customers in pages of ${PAGE}, ${RUNS} runs`);
for (let i = 1; i <= RUNS; i++) {
  const { first, second } = await run();
  console.log(`run ${i}: first sync ${fmt(first)}; second pass (1% pending) ${fmt(second)}`);
}
