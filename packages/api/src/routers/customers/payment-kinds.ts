import { Prisma } from '@storesync/db';
import type { AuthedContext } from '../../dashboard/authed-context.ts';

/**
 * The ids among these repayments of the caller's store that are write-offs (`kind: 'writeOff'`),
 * one probe of the primary key each. Read through `to_jsonb`, so rows stored before the column
 * existed, which hold no kind, read as repayments.
 */
export async function writeOffIds(ctx: AuthedContext, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await ctx.db.$queryRaw<{ id: string }[]>`
    SELECT p.id::text FROM payments p
    WHERE p.user_id = ${ctx.auth.user.id}::uuid AND p.id = ANY(${ids}::uuid[])
      AND to_jsonb(p) ->> 'kind' = 'writeOff'`;
  return new Set(rows.map((r) => r.id));
}

export const WRITE_OFF_SQL = (alias: string): Prisma.Sql =>
  Prisma.raw(`coalesce(to_jsonb(${alias}) ->> 'kind' = 'writeOff', false)`);
