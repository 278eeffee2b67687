import { Prisma } from '@storesync/db';
import type { AuthedContext } from '../dashboard/authed-context.ts';
import { isoOf, num } from '../dashboard/sql.ts';

/** How far back the owner can restore from the dashboard. */
export const RESTORE_DAYS = 30;
/** At most this many rows of each entity, newest deletion first. */
const PER_ENTITY = 200;

/** The earliest deletion the page shows. */
export const restoreSince = (now: Date) => new Date(now.getTime() - RESTORE_DAYS * 86_400_000);

export type DeletedEntity = 'customers' | 'debts' | 'payments' | 'sales';

/**
 * One deleted row as the Recently deleted page shows it. For a customer, `amount` is the net of
 * their live entries (owed, or negative: credit), which should be zero: money under a deleted
 * customer is a conflict to resolve. For an entry, its amount (a sale's total) and whose it is.
 */
export interface DeletedRow {
  entity: DeletedEntity;
  id: string;
  deletedAt: string;
  customerId: string | null;
  customerName: string | null;
  /** Whether the entry's customer is deleted too: restoring the entry restores them. */
  customerDeleted: boolean;
  amount: number;
  /** A customer's phone, an entry's note, or a sale's items. */
  detail: string | null;
  writeOff: boolean;
}

interface Raw {
  id: string;
  deleted_at: string;
  customer_id: string | null;
  customer_name: string | null;
  customer_deleted: boolean | null;
  amount: string | null;
  detail: string | null;
  write_off: boolean;
}

// Named columns per entity: the page reads these, never whole rows or merge state.
const COLUMNS: Record<DeletedEntity, Prisma.Sql> = {
  customers: Prisma.sql`t.id::text AS customer_id, t.name AS customer_name, true AS customer_deleted,
    NULL::text AS amount, t.phone AS detail, false AS write_off`,
  debts: Prisma.sql`t.customer_id::text, c.name AS customer_name, c.deleted_at IS NOT NULL AS customer_deleted,
    t.amount::text, t.note AS detail, false AS write_off`,
  payments: Prisma.sql`t.customer_id::text, c.name AS customer_name, c.deleted_at IS NOT NULL AS customer_deleted,
    t.amount::text, t.note AS detail, coalesce(t.kind = 'writeOff', false) AS write_off`,
  sales: Prisma.sql`t.customer_id::text, c.name AS customer_name, c.deleted_at IS NOT NULL AS customer_deleted,
    t.total::text AS amount,
    (SELECT string_agg((i ->> 'quantity') || ' × ' || (i ->> 'name'), ', ') FROM jsonb_array_elements(t.items) i)
      AS detail,
    false AS write_off`,
};

/**
 * The rows of `entity` deleted since `since`, found through the store's own range of delete
 * events by clock (index `(user_id, entity, client_updated_at)`; a row's `deleted_at` is its
 * winning delete's clock), then each row by its primary key. The store's id goes in as a
 * subquery (as the push's `STORE_ID`): with the literal, a store newer than the statistics looks
 * empty and each row was probed by the store's whole key range (4,240 rows read for 10 deletes
 * of a 1,000-customer store); `OFFSET 0` keeps the events' scan planned alone.
 */
export const deletedSinceSql = (userId: string, entity: DeletedEntity, since: Date) => {
  const store = Prisma.sql`(SELECT ${userId}::uuid)`;
  return Prisma.sql`
  SELECT t.id::text, ${isoOf('t.deleted_at')} AS deleted_at, ${COLUMNS[entity]}
  FROM (
    SELECT DISTINCT entity_id FROM (
      SELECT e.entity_id FROM sync_events e
      WHERE e.user_id = ${store} AND e.entity = ${entity} AND e.op = 'delete'
        AND e.client_updated_at >= ${since}
      OFFSET 0
    ) deletes
  ) d
  JOIN ${Prisma.raw(entity)} t ON t.user_id = ${store} AND t.id = d.entity_id
  LEFT JOIN customers c ON c.user_id = ${store} AND c.id = ${
    entity === 'customers' ? Prisma.raw('NULL::uuid') : Prisma.raw('t.customer_id')
  }
  WHERE t.deleted_at >= ${since}
  ORDER BY t.deleted_at DESC, t.id
  LIMIT ${PER_ENTITY}`;
};

/**
 * What these customers' live entries hold, rows `(customer_id, net)`: net owed, or negative:
 * credit, by `customerBalanceSql`'s rule (the balances' property test pins it to the shared one).
 * It probes each customer's entries by the `(user_id, customer_id)` indexes whatever the
 * statistics say: a store newer than the statistics read all its debts otherwise.
 */
export const netsSql = (userId: string, ids: string[]) => {
  const store = Prisma.sql`(SELECT ${userId}::uuid)`;
  const mine = Prisma.sql`user_id = ${store} AND customer_id = ANY(${ids}::uuid[]) AND deleted_at IS NULL`;
  return Prisma.sql`
  SELECT customer_id::text, sum(owes)::text AS net FROM (
    SELECT customer_id, amount AS owes FROM debts WHERE ${mine}
    UNION ALL
    SELECT customer_id, greatest(total - paid_amount, 0) FROM sales WHERE ${mine}
    UNION ALL
    SELECT customer_id, -amount FROM payments WHERE ${mine}
  ) ledger GROUP BY customer_id`;
};

async function netsOf(ctx: AuthedContext, ids: string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await ctx.db.$queryRaw<{ customer_id: string; net: string }[]>(netsSql(ctx.auth.user.id, ids));
  return new Map(rows.map((r) => [r.customer_id, num(r.net)]));
}

/**
 * The caller's store's customers, debts, repayments and sales deleted in the last
 * `RESTORE_DAYS` days, newest deletion first.
 */
export async function listDeleted(ctx: AuthedContext, now = new Date()): Promise<DeletedRow[]> {
  const userId = ctx.auth.user.id;
  const since = restoreSince(now);
  const entities = Object.keys(COLUMNS) as DeletedEntity[];
  const found = await Promise.all(
    entities.map(async (entity) => {
      const rows = await ctx.db.$queryRaw<Raw[]>(deletedSinceSql(userId, entity, since));
      return rows.map((r) => ({ entity, r }));
    }),
  );
  const all = found.flat();
  const nets = await netsOf(
    ctx,
    all.filter((x) => x.entity === 'customers').map((x) => x.r.id),
  );
  return all
    .map(
      ({ entity, r }): DeletedRow => ({
        entity,
        id: r.id,
        deletedAt: r.deleted_at,
        customerId: r.customer_id,
        customerName: r.customer_name,
        customerDeleted: r.customer_deleted ?? false,
        amount: entity === 'customers' ? (nets.get(r.id) ?? 0) : num(r.amount),
        detail: r.detail,
        writeOff: r.write_off,
      }),
    )
    .sort((a, b) => b.deletedAt.localeCompare(a.deletedAt) || a.id.localeCompare(b.id));
}
