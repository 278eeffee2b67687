import { Prisma } from '@storesync/db';
import type { CustomerListInputSchema } from '@storesync/schema';
import type { z } from 'zod';
import type { AuthedContext } from '../../dashboard/authed-context.ts';
import { pageOf } from '../../dashboard/page.ts';
import { balancesSql, isoOf, num } from '../../dashboard/sql.ts';

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

// Fixed fragments only: user input never reaches ORDER BY.
const ORDER = {
  name: { asc: 'lower(c.name) ASC, c.id', desc: 'lower(c.name) DESC, c.id' },
  balance: { asc: 'balance ASC, lower(c.name), c.id', desc: 'balance DESC, lower(c.name), c.id' },
} as const;

/** `%`, `_` and `\` match themselves in the owner's search. */
const likePattern = (search: string) => `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The store's live customers with what they owe or hold as credit, filtered by name or phone,
 * sorted by name or balance, one page at a time.
 */
export async function listCustomers(ctx: AuthedContext, input: Input) {
  const userId = ctx.auth.user.id;
  const search = input.search ? likePattern(input.search) : null;
  const rows = await ctx.db.$queryRaw<Row[]>`
    WITH balances AS (${balancesSql(userId)})
    SELECT c.id::text AS id, c.name, c.phone, c.note, ${isoOf('c.updated_at')} AS updated_at,
           COALESCE(b.net, 0) AS balance, COALESCE(b.owed, 0)::text AS owed,
           COALESCE(b.credit, 0)::text AS credit, (count(*) OVER ())::int AS total
    FROM customers c LEFT JOIN balances b ON b.customer_id = c.id
    WHERE c.user_id = ${userId}::uuid AND c.deleted_at IS NULL
      AND (${search}::text IS NULL OR c.name ILIKE ${search} OR c.phone ILIKE ${search})
    ORDER BY ${Prisma.raw(ORDER[input.sort][input.order])}
    LIMIT ${input.limit} OFFSET ${input.cursor}`;
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
