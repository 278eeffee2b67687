import { STORE_ID, tableOf } from './tables.ts';

/** The entities whose rows are a customer's entries: what they owe and what they paid. */
export const LEDGER_ENTITIES = ['debts', 'payments', 'sales'] as const;
export type LedgerEntity = (typeof LEDGER_ENTITIES)[number];
export const isLedgerEntity = (entity: string): entity is LedgerEntity =>
  (LEDGER_ENTITIES as readonly string[]).includes(entity);

/** What a batch reads beyond the rows it names, for the ledger rules (ledger-rules.ts). */
export interface LedgerReads {
  /**
   * Entries the batch changes without setting their customer: their customer, if it is
   * deleted, since the change revives it. (A customer an event sets is read by its id anyway.)
   */
  customerOf: Record<LedgerEntity, string[]>;
  /** Customers the batch deletes: their live entries, to weigh their balance. */
  entriesOf: string[];
}

export const NO_LEDGER_READS: LedgerReads = {
  customerOf: { debts: [], payments: [], sales: [] },
  entriesOf: [],
};

/**
 * The extra parts of readBatchState's query, in its `(k, a, b)` shape, each parameter
 * pushed onto `params`. Every part is an index probe: an entry by its key, then its
 * customer by key; a deleted customer's live entries by the (user_id, customer_id) index.
 */
export function ledgerParts(params: unknown[], reads: LedgerReads): string[] {
  const parts: string[] = [];
  for (const entity of LEDGER_ENTITIES) {
    if (reads.customerOf[entity].length === 0) continue;
    params.push(reads.customerOf[entity]);
    parts.push(`SELECT 'customers', to_jsonb(c)::text, NULL
     FROM unnest($${params.length}::uuid[]) AS u(id),
       LATERAL (SELECT customer_id FROM ${tableOf(entity)} WHERE user_id = ${STORE_ID} AND id = u.id LIMIT 1) r,
       LATERAL (SELECT * FROM customers
         WHERE user_id = ${STORE_ID} AND id = r.customer_id AND deleted_at IS NOT NULL LIMIT 1) c`);
  }
  if (reads.entriesOf.length > 0) {
    params.push(reads.entriesOf);
    for (const entity of LEDGER_ENTITIES)
      parts.push(`SELECT '${entity}', to_jsonb(t)::text, NULL FROM ${tableOf(entity)} t
     WHERE t.user_id = ${STORE_ID} AND t.customer_id = ANY($${params.length}::uuid[]) AND t.deleted_at IS NULL`);
  }
  return parts;
}
