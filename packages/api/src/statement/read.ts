import type { SqlDb } from '@storesync/db';
import { DEBT_DATE_SQL, type SaleItem, type StatementInput } from '@storesync/schema';

/** A live link's store, customer and what the page needs of them. */
export interface LinkedStatement {
  userId: string;
  linkId: string;
  customerId: string;
  lastOpenedAt: string | null;
  customerName: string;
  customerLanguage: string | null;
  shopName: string | null;
  currency: string | null;
  storeLanguage: string | null;
}

/**
 * The links some tokens name, across stores, with their customer and store: should two rows
 * hold one token, the first stored answers (docs/protocol.md), revoked or not, so a later copy
 * of a token can never take it over.
 */
const LINKS = `SELECT DISTINCT ON (l.token) l.token, l.user_id::text AS "userId", l.id::text AS "linkId",
    l.customer_id::text AS "customerId", l.last_opened_at AS "lastOpenedAt", l.expires_at AS "expiresAt",
    l.deleted_at IS NULL AS "linkLive",
    c.name AS "customerName", c.language AS "customerLanguage", c.deleted_at IS NULL AND c.id IS NOT NULL AS "customerLive",
    s.shop_name AS "shopName", s.currency, s.language AS "storeLanguage"
  FROM links l
  LEFT JOIN customers c ON c.user_id = l.user_id AND c.id = l.customer_id
  LEFT JOIN settings s ON s.user_id = l.user_id AND s.id = '00000000-0000-0000-0000-000000000000'
  WHERE l.token = ANY($1::text[])
  ORDER BY l.token, l.created_at, l.user_id, l.id`;

const iso = (v: unknown): string | null =>
  v === null || v === undefined ? null : new Date(v as string).toISOString();

/** The customer's live rows of the one store, and nothing else: every query names both. */
const DEBTS = `SELECT id::text, amount::float8 AS amount, created_at AS "createdAt", ${DEBT_DATE_SQL} AS "recordedAt",
    due_date::text AS "dueDate", note FROM debts WHERE user_id = $1 AND customer_id = $2 AND deleted_at IS NULL`;
const PAYMENTS = `SELECT id::text, amount::float8 AS amount, paid_at AS "paidAt", kind, note
  FROM payments WHERE user_id = $1 AND customer_id = $2 AND deleted_at IS NULL`;
const SALES = `SELECT id::text, total::float8 AS total, paid_amount::float8 AS "paidAmount", sold_at AS "soldAt", items, note
  FROM sales WHERE user_id = $1 AND customer_id = $2 AND deleted_at IS NULL`;

type Row = Record<string, unknown>;

interface Waiter {
  resolve(row: Row | null): void;
  reject(error: unknown): void;
}

/** Lookups waiting for the query in flight to end, by database, to go in the next one. */
const waiting = new WeakMap<SqlDb, Map<string, Waiter[]>>();

/** Asks for every waiting token in one query, then again for those that came meanwhile. */
async function drain(sql: SqlDb): Promise<void> {
  for (;;) {
    const batch = waiting.get(sql);
    if (!batch || batch.size === 0) {
      waiting.delete(sql);
      return;
    }
    waiting.set(sql, new Map());
    try {
      const rows = await sql.query<Row>(LINKS, [[...batch.keys()]]);
      const byToken = new Map(rows.map((r) => [String(r.token), r]));
      for (const [token, waiters] of batch) for (const w of waiters) w.resolve(byToken.get(token) ?? null);
    } catch (error) {
      for (const waiters of batch.values()) for (const w of waiters) w.reject(error);
    }
  }
}

/**
 * The row of a token. While a lookup is in flight the next tokens wait and go together in the
 * next query, so a thousand guesses a second cost a few queries, not a thousand, and a lone
 * lookup waits for nothing.
 */
function lookUp(sql: SqlDb, token: string): Promise<Row | null> {
  return new Promise((resolve, reject) => {
    const queue = waiting.get(sql);
    if (queue) {
      queue.set(token, [...(queue.get(token) ?? []), { resolve, reject }]);
      return;
    }
    waiting.set(sql, new Map([[token, [{ resolve, reject }]]]));
    void drain(sql);
  });
}

/**
 * The link a token opens, with its customer and store; null for a token that is unknown,
 * expired (`now` past `expiresAt`), revoked (its row deleted), or whose customer is deleted —
 * the caller answers each the same.
 */
export async function readLink(sql: SqlDb, token: string, now: Date): Promise<LinkedStatement | null> {
  const link = await lookUp(sql, token);
  if (!link?.linkLive || !link.customerLive) return null;
  if (new Date(link.expiresAt as string).getTime() <= now.getTime()) return null;
  return {
    userId: String(link.userId),
    linkId: String(link.linkId),
    customerId: String(link.customerId),
    lastOpenedAt: iso(link.lastOpenedAt),
    customerName: String(link.customerName),
    customerLanguage: (link.customerLanguage as string | null) ?? null,
    shopName: (link.shopName as string | null) ?? null,
    currency: (link.currency as string | null) ?? null,
    storeLanguage: (link.storeLanguage as string | null) ?? null,
  };
}

/**
 * The store's newest change-log event: every write of its rows appends one, so a page made at
 * this version is the page of the book until the next (read it before the rows).
 */
export async function bookVersion(sql: SqlDb, userId: string): Promise<string> {
  const [row] = await sql.query<{ v: string | null }>(
    'SELECT max(event_id)::text AS v FROM sync_events WHERE user_id = $1',
    [userId],
  );
  return row?.v ?? '0';
}

/** The customer's live rows of the one store, as the statement model takes them. */
export async function readRows(sql: SqlDb, userId: string, customerId: string): Promise<StatementInput> {
  const [debts, payments, sales] = await Promise.all([
    sql.query<Row>(DEBTS, [userId, customerId]),
    sql.query<Row>(PAYMENTS, [userId, customerId]),
    sql.query<Row>(SALES, [userId, customerId]),
  ]);
  const mine = { customerId, deletedAt: null };
  return {
    debts: debts.map((d) => ({
      ...mine,
      id: String(d.id),
      amount: Number(d.amount),
      createdAt: iso(d.createdAt) ?? '',
      recordedAt: iso(d.recordedAt),
      dueDate: (d.dueDate as string | null) ?? null,
      note: (d.note as string | null) ?? null,
    })),
    payments: payments.map((p) => ({
      ...mine,
      id: String(p.id),
      amount: Number(p.amount),
      paidAt: iso(p.paidAt) ?? '',
      kind: p.kind === 'writeOff' ? 'writeOff' : 'repayment',
      note: (p.note as string | null) ?? null,
    })),
    sales: sales.map((s) => ({
      ...mine,
      id: String(s.id),
      total: Number(s.total),
      paidAmount: Number(s.paidAmount),
      soldAt: iso(s.soldAt) ?? '',
      items: (typeof s.items === 'string' ? JSON.parse(s.items) : s.items) as SaleItem[],
      note: (s.note as string | null) ?? null,
    })),
  };
}
