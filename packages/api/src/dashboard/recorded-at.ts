import type { AuthedContext } from './authed-context.ts';

/**
 * When each of these debts was recorded: its first event's clock (see
 * `debtsRecordedSql`), falling back to `createdAt` for a row without one.
 */
export async function debtRecordedAt(
  ctx: AuthedContext,
  debts: { id: string; createdAt: Date }[],
): Promise<Map<string, string>> {
  if (debts.length === 0) return new Map();
  const firsts = await ctx.db.syncEvent.groupBy({
    by: ['entityId'],
    where: {
      userId: ctx.auth.user.id,
      entity: 'debts',
      op: 'upsert',
      entityId: { in: debts.map((d) => d.id) },
    },
    _min: { clientUpdatedAt: true },
  });
  const first = new Map(firsts.map((f) => [f.entityId, f._min.clientUpdatedAt]));
  return new Map(debts.map((d) => [d.id, (first.get(d.id) ?? d.createdAt).toISOString()]));
}
