import { Prisma } from '@storesync/db';
import type { AuthedContext } from './authed-context.ts';
import { storeOf } from './sql.ts';

/**
 * When each of these debts was recorded: its first event's clock (see
 * `debtsRecordedSinceSql`), falling back to `createdAt` for a row without one. Each debt's
 * events are probed by the (user_id, entity, entity_id) index, one probe a debt: grouped over
 * the store's events instead, a store newer than the statistics had all its events read.
 */
export async function debtRecordedAt(
  ctx: AuthedContext,
  debts: { id: string; createdAt: Date }[],
): Promise<Map<string, string>> {
  if (debts.length === 0) return new Map();
  const firsts = await ctx.db.$queryRaw<{ id: string; at: Date | null }[]>(
    recordedAtSql(
      ctx.auth.user.id,
      debts.map((d) => d.id),
    ),
  );
  const first = new Map(firsts.map((f) => [f.id, f.at]));
  return new Map(debts.map((d) => [d.id, (first.get(d.id) ?? d.createdAt).toISOString()]));
}

/** `debtRecordedAt`'s query: rows `(id, at)`, `at` null for a debt without events. */
export const recordedAtSql = (userId: string, ids: string[]): Prisma.Sql => Prisma.sql`
  SELECT debt.id::text AS id, (
    SELECT min(e.client_updated_at) FROM sync_events e
    WHERE e.user_id = ${storeOf(userId)} AND e.entity = 'debts' AND e.entity_id = debt.id AND e.op = 'upsert'
  ) AS at
  FROM unnest(${ids}::uuid[]) AS debt(id)`;
