import type { Prisma } from '@storesync/db';
import type { Device, Harness } from './harness.ts';
import { iso, uuid } from './harness.ts';

/** A node of `EXPLAIN (ANALYZE, FORMAT JSON)`'s plan, with the fields the plan tests read. */
export interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Actual Rows': number;
  'Actual Loops': number;
  'Rows Removed by Filter'?: number;
  'Rows Removed by Join Filter'?: number;
  Plans?: PlanNode[];
}

/** How many rows a node read, and which node. */
export interface Widest {
  rows: number;
  node: string;
}

/** The most rows any node of the plan read in total (produced, or read and filtered out), and where. */
export const widest = (n: PlanNode): Widest => {
  const read =
    n['Actual Rows'] + (n['Rows Removed by Filter'] ?? 0) + (n['Rows Removed by Join Filter'] ?? 0);
  const here = {
    rows: read * n['Actual Loops'],
    node: `${n['Node Type']} ${n['Relation Name'] ?? ''}`.trim(),
  };
  return (n.Plans ?? []).map(widest).reduce((a, b) => (b.rows > a.rows ? b : a), here);
};

/** Rows the plan's table and index scans read in all (produced, or read and filtered out), over all their loops. */
export const rowsRead = (n: PlanNode): number =>
  (n['Relation Name'] === undefined
    ? 0
    : (n['Actual Rows'] + (n['Rows Removed by Filter'] ?? 0)) * n['Actual Loops']) +
  (n.Plans ?? []).reduce((sum, child) => sum + rowsRead(child), 0);

/** Runs `query` under EXPLAIN ANALYZE: the widest node of its plan. */
export async function widestOf(h: Harness, query: Prisma.Sql): Promise<Widest> {
  return widest(await planOf(h, query));
}

/** Runs `query` under EXPLAIN ANALYZE: the rows its scans read in all (`rowsRead`). */
export async function rowsReadBy(h: Harness, query: Prisma.Sql): Promise<number> {
  return rowsRead(await planOf(h, query));
}

async function planOf(h: Harness, query: Prisma.Sql): Promise<PlanNode> {
  const [explained] = await h.t.db.$queryRawUnsafe<{ 'QUERY PLAN': [{ Plan: PlanNode }] }[]>(
    `EXPLAIN (ANALYZE, FORMAT JSON) ${query.text}`,
    ...query.values,
  );
  const plan = explained?.['QUERY PLAN'][0].Plan;
  if (!plan) throw new Error('no plan');
  return plan;
}

/** The tables a dashboard read walks. */
export const LEDGER_TABLES = ['customers', 'debts', 'payments', 'sales', 'sync_events'] as const;

/**
 * Makes the statistics of `LEDGER_TABLES` what they are now and keeps them so (autovacuum off):
 * a store written afterwards is one the planner has not seen, as a new shop is in production
 * until autovacuum's next ANALYZE.
 */
export async function freezeStatistics(h: Harness): Promise<void> {
  for (const table of LEDGER_TABLES) {
    await h.t.db.$executeRawUnsafe(`ANALYZE ${table}`);
    await h.t.db.$executeRawUnsafe(`ALTER TABLE ${table} SET (autovacuum_enabled = false)`);
  }
}

export interface LedgerShape {
  customers: number;
  /** Entries in all, spread evenly over the customers: debts, repayments and sales in turn. */
  entries: number;
}

/** What `fillLedger` wrote: the customers' ids, in the order written. */
export interface FilledLedger {
  customerIds: string[];
}

const DAY = 86_400_000;

interface PushedEvent {
  eventUuid: string;
  entity: string;
  entityId: string;
  op: string;
  payload: Record<string, unknown>;
  clientUpdatedAt: string;
}

/**
 * Pushes a shop's book as its phones do, 500 events a batch: `customers` customers (named
 * `Customer 00001`…, each with a phone number), then `entries` debts (every third with a due date
 * in the past), repayments and sales (half of them with an unpaid part), dated over the last 60
 * days, each customer's entries leaving them owing.
 */
export async function fillLedger(d: Device, shape: LedgerShape): Promise<FilledLedger> {
  const now = Date.now();
  const customerIds = Array.from({ length: shape.customers }, () => uuid());
  const events: PushedEvent[] = customerIds.map((id, i) => ({
    eventUuid: uuid(),
    entity: 'customers',
    entityId: id,
    op: 'upsert',
    payload: {
      name: `Customer ${String(i + 1).padStart(5, '0')}`,
      phone: `+2547${String(i).padStart(8, '0')}`,
    },
    clientUpdatedAt: iso(now - 61 * DAY + i),
  }));
  for (let i = 0; i < shape.entries; i++) {
    const customerId = customerIds[i % shape.customers] as string;
    const at = now - ((i * 7_919_000) % (60 * DAY));
    const kind = Math.floor(i / shape.customers) % 3;
    const payload =
      kind === 0
        ? {
            customerId,
            amount: 1000 + (i % 9) * 100,
            ...(i % 3 === 0 && { dueDate: iso(at + 7 * DAY).slice(0, 10) }),
          }
        : kind === 1
          ? { customerId, amount: 300, paidAt: iso(at) }
          : {
              customerId,
              items: [{ name: 'tea', quantity: 2, unitPrice: 250 }],
              total: 500,
              paidAmount: i % 2 ? 500 : 200,
              soldAt: iso(at),
            };
    const entity = (['debts', 'payments', 'sales'] as const)[kind] ?? 'debts';
    events.push({
      eventUuid: uuid(),
      entity,
      entityId: uuid(),
      op: 'upsert',
      payload,
      clientUpdatedAt: iso(at),
    });
  }
  for (let done = 0; done < events.length; done += 500) {
    const batch = events.slice(done, done + 500);
    const pushed = await d.api.sync.push({ deviceId: d.deviceId, events: batch });
    const failed = pushed.results.filter((r) => r.status !== 'applied');
    if (failed.length > 0) throw new Error(`fillLedger: ${JSON.stringify(failed[0])}`);
  }
  return { customerIds };
}
