import { Prisma } from '@storesync/db';
import { type CustomerListInputSchema, searchFold, searchFoldSql } from '@storesync/schema';
import type { z } from 'zod';
import type { AuthedContext } from '../../dashboard/authed-context.ts';
import { pageOf } from '../../dashboard/page.ts';
import { customerBalanceSql, isoOf, num, storeOf } from '../../dashboard/sql.ts';

type Input = z.infer<typeof CustomerListInputSchema>;

interface Row {
  id: string;
  name: string;
  phone: string | null;
  note: string | null;
  updated_at: string;
  owed: string;
  credit: string;
  total: number;
}

// Fixed fragments only: user input never reaches ORDER BY. Names sort by ICU's root collation
// (PostgreSQL's and PGlite's `und-x-icu`): Émile beside Ella, ñandú beside Nora, each script in
// its letters' order, where the database's byte order put every accented name after z.
const BY_NAME = 'c.name COLLATE "und-x-icu"';
const ORDER = {
  name: { asc: `${BY_NAME} ASC, c.id`, desc: `${BY_NAME} DESC, c.id` },
  balance: { asc: `balance ASC, ${BY_NAME}, c.id`, desc: `balance DESC, ${BY_NAME}, c.id` },
} as const;

/** The name as a search compares it: any case, with or without accents and short vowels. */
const NAME_FOLDED = Prisma.raw(searchFoldSql('c.name'));

/** `%`, `_` and `\` match themselves in the owner's search. */
const likePattern = (search: string) => `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The customer list's query (plans: dashboard-reads-plans.pg.test.ts). */
export function listSql(userId: string, input: Input): Prisma.Sql {
  const search = input.search ? likePattern(input.search) : null;
  const folded = input.search ? likePattern(searchFold(input.search)) : null;
  const matching = Prisma.sql`c.user_id = ${storeOf(userId)} AND c.deleted_at IS NULL
      AND (${search}::text IS NULL OR c.phone ILIKE ${search} OR ${NAME_FOLDED} LIKE ${folded})`;
  const order = Prisma.raw(ORDER[input.sort][input.order]);
  const balance = customerBalanceSql(userId, Prisma.sql`c.id`);
  // By name the page is chosen first (OFFSET 0 keeps it a subquery), then its balances read.
  const page =
    input.sort === 'name'
      ? Prisma.sql`
    SELECT c.*, b.net AS balance, b.owed, b.credit
    FROM (SELECT c.* FROM customers c WHERE ${matching} ORDER BY ${order}
          LIMIT ${input.limit} OFFSET ${input.cursor}) c
    CROSS JOIN LATERAL (${balance}) b`
      : Prisma.sql`
    SELECT c.*, b.net AS balance, b.owed, b.credit
    FROM customers c CROSS JOIN LATERAL (${balance}) b WHERE ${matching}
    ORDER BY ${order} LIMIT ${input.limit} OFFSET ${input.cursor}`;
  return Prisma.sql`
    SELECT c.id::text AS id, c.name, c.phone, c.note, ${isoOf('c.updated_at')} AS updated_at,
           c.owed::text AS owed, c.credit::text AS credit,
           (SELECT count(*) FROM customers c WHERE ${matching})::int AS total
    FROM (${page}) c
    ORDER BY ${order}`;
}

/**
 * The store's live customers with what they owe or hold as credit, filtered by name or phone,
 * sorted by name or balance, one page at a time. Each balance probes its customer's entries by
 * their keys (`customerBalanceSql`): by name, for the page's customers only; by balance, once per
 * customer. With the balances of the whole store as one aggregate joined to the customers, a
 * store newer than the statistics looked empty and the aggregate was read once per customer.
 */
export async function listCustomers(ctx: AuthedContext, input: Input) {
  const rows = await ctx.db.$queryRaw<Row[]>(listSql(ctx.auth.user.id, input));
  const items = rows.map((r) => ({
    id: r.id,
    name: r.name,
    phone: r.phone,
    note: r.note,
    updatedAt: r.updated_at,
    owed: num(r.owed),
    credit: num(r.credit),
  }));
  const total = rows[0]?.total ?? 0;
  return pageOf(items, total, input.cursor);
}
