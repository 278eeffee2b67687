import { Prisma } from '@storesync/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customerBalanceSql } from '../dashboard/sql.ts';
import { createHarness, type Device, type Harness } from '../test/harness.ts';
import { fillLedger, freezeStatistics, rowsReadBy, widestOf } from '../test/plans.ts';
import { listSql } from './customers/list.handler.ts';
import { dailySql } from './reports/daily.handler.ts';
import { HASH_THE_LEDGER, overviewSql } from './reports/overview.handler.ts';

// The dashboard's reads in a store the statistics have not seen yet: the planner takes the new
// store for empty. Each read must reach the store's rows by their keys, a page's rows for a page,
// never the store once per row (issue 24 §6: the customer list took 2.4 s at 2,000 customers and
// 20,000 entries until the next ANALYZE). Two ways a store is new to the statistics: the tables
// were analysed empty (a new server), or analysed while they held other stores only.
const CUSTOMERS = 500;
const ENTRIES = 5000;
const PAGE = 50;
/** The store the statistics were taken with, in the second case. */
const OTHER = { customers: 100, entries: 1000 };

const list = (shop: Device, sort: 'name' | 'balance', cursor = 0, search?: string) =>
  shop.api.customers.list({ sort, order: 'desc', limit: PAGE, cursor, ...(search && { search }) });

describe.each([
  ['tables analysed empty', false],
  ['tables analysed with another store', true],
])('dashboard reads in a store the statistics have not seen yet: %s', (_, otherStore) => {
  let h: Harness;
  let shop: Device;
  let customerIds: string[];
  beforeAll(async () => {
    h = await createHarness('pg');
    if (otherStore) await fillLedger(await h.device('first@example.com'), OTHER);
    await freezeStatistics(h);
    shop = await h.device('newcomer@example.com');
    customerIds = (await fillLedger(shop, { customers: CUSTOMERS, entries: ENTRIES })).customerIds;
  }, 300_000);
  afterAll(() => h.t.drop());

  it('the customer list reads the store’s customers once and the page’s entries, by name', async () => {
    for (const [cursor, search] of [[0], [200], [0, '0042']] as const) {
      const sql = listSql(shop.userId, {
        sort: 'name',
        order: 'desc',
        limit: PAGE,
        cursor,
        ...(search && { search }),
      });
      const most = await widestOf(h, sql);
      // The table's customers (500, or 600 with the other store's), not the store's 5,000 entries.
      expect(most.rows, `${most.node} read ${most.rows} rows`).toBeLessThanOrEqual(CUSTOMERS + 100);
    }
    const page = await list(shop, 'name', 200);
    expect(page.total).toBe(CUSTOMERS);
    expect(page.items.map((c) => c.name)[0]).toBe(`Customer ${String(CUSTOMERS - 200).padStart(5, '0')}`);
  });

  it('by balance it reads each entry once, not the store per customer', async () => {
    const sql = listSql(shop.userId, { sort: 'balance', order: 'desc', limit: PAGE, cursor: 0 });
    const most = await widestOf(h, sql);
    expect(most.rows, `${most.node} read ${most.rows} rows`).toBeLessThanOrEqual(ENTRIES);
    const page = await list(shop, 'balance');
    const owed = page.items.map((c) => c.owed);
    expect(owed).toEqual([...owed].sort((a, b) => b - a));
  });

  it('a customer’s balance reads their own entries', async () => {
    const id = customerIds[7] as string;
    const most = await widestOf(h, customerBalanceSql(shop.userId, Prisma.sql`${id}::uuid`));
    // 10 entries of theirs, not the store's 5,000.
    expect(most.rows, `${most.node} read ${most.rows} rows`).toBeLessThanOrEqual(2 * (ENTRIES / CUSTOMERS));
    const got = await shop.api.customers.get({ id });
    const listed = (await list(shop, 'name', 0, got.name)).items[0];
    expect({ owed: got.owed, credit: got.credit }).toEqual({ owed: listed?.owed, credit: listed?.credit });
  });

  it('a page of debts is in date order and reads only the store’s own debts', async () => {
    const debts = await shop.api.debts.list({ limit: PAGE, cursor: 0 });
    const dates = debts.items.map((d) => d.recordedAt);
    expect(dates).toEqual([...dates].sort().reverse());
    // The list's query as Prisma sends it. Dating a page by each debt's first event read the
    // page's events; the date is a column now, kept in an index with the store.
    const most = await widestOf(
      h,
      Prisma.sql`SELECT id FROM debts WHERE user_id = ${shop.userId}::uuid AND deleted_at IS NULL
        ORDER BY recorded_at DESC, id LIMIT ${PAGE}`,
    );
    expect(most.rows, `${most.node} read ${most.rows} rows`).toBeLessThanOrEqual(debts.total);
  });

  it('the overview reads each of the store’s rows once, in one query', async () => {
    const read = await rowsReadBy(h, overviewSql(shop.userId, 'UTC'));
    // The customers, the entries and today's sales (about 1/60 of the entries): 5,500 and a few,
    // or the tables' 6,600 when a scan of them all is cheaper. Probing each customer's entries by
    // key read 10,500 rows, twice (totals, top five).
    const other = otherStore ? OTHER.customers + OTHER.entries : 0;
    expect(read).toBeLessThanOrEqual(CUSTOMERS + ENTRIES + other + ENTRIES / 30);
    // As `overview` runs it: the ledger hashed by customer, not sorted, and nothing compiled.
    const sql = overviewSql(shop.userId, 'UTC');
    const [, explained] = await h.t.db.$transaction([
      h.t.db.$queryRawUnsafe(HASH_THE_LEDGER),
      h.t.db.$queryRawUnsafe<{ 'QUERY PLAN': unknown }[]>(
        `EXPLAIN (ANALYZE, FORMAT JSON) ${sql.text}`,
        ...sql.values,
      ),
    ]);
    const plan = JSON.stringify(explained[0]?.['QUERY PLAN']);
    expect(plan).toContain('"Strategy":"Hashed"');
    expect(plan).not.toContain('"JIT"');
    const out = await shop.api.reports.overview({ timeZone: 'UTC' });
    expect(out.customersOwing).toBe(CUSTOMERS);
    expect(out.topDebtors).toHaveLength(5);
  });

  it('the daily report reads the range’s rows about once each', async () => {
    const most = await widestOf(h, dailySql(shop.userId, 'UTC', 30));
    // About half the store's entries are in the last 30 days; each is read about once.
    expect(most.rows, `${most.node} read ${most.rows} rows`).toBeLessThanOrEqual(ENTRIES);
    // The range's 2,500 entries and a key check of each debt's and repayment's customer (4,400),
    // or a table's rows of both stores when a scan of it all is cheaper; dating debts by their
    // events read the range's events, each debt's first event and the debt (6,500; 8,700).
    const other = otherStore ? OTHER.entries : 0;
    expect(await rowsReadBy(h, dailySql(shop.userId, 'UTC', 30))).toBeLessThanOrEqual(ENTRIES + other);
  });
});
