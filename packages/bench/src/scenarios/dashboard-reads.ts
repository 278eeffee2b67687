import type { AppRouter } from '@storesync/api';
import { uuidV7 } from '@storesync/schema';
import { createTRPCClient, httpLink } from '@trpc/client';
import { type Bench, fmt, log } from '../context.ts';
import type { Table } from '../report.ts';
import { percentile } from '../stats.ts';

// Issue 24 §6: the dashboard's reads of a shop's book right after its phones pushed it, before
// autovacuum's ANALYZE has seen it (2.4 s for the customer list at 2,000 customers and 20,000
// entries). Target: each read's p95 under 100 ms.
const CUSTOMERS = Number(process.env.BENCH_DASHBOARD_CUSTOMERS ?? 2_000);
const ENTRIES = Number(process.env.BENCH_DASHBOARD_ENTRIES ?? 20_000);
const ROUNDS = Number(process.env.BENCH_DASHBOARD_ROUNDS ?? 20);
/** The reads stop after this long, whatever the rounds, so a slow plan cannot hold the bench. */
const READ_SECONDS = Number(process.env.BENCH_DASHBOARD_SECONDS ?? 120);
export const TARGET_P95_MS = 100;
const DAY = 86_400_000;

/** The book's events as phones push them: customers, then debts, repayments and sales in turn. */
function bookEvents(): { events: Record<string, unknown>[]; customerIds: string[] } {
  const now = Date.now();
  const customerIds = Array.from({ length: CUSTOMERS }, () => uuidV7());
  const events: Record<string, unknown>[] = customerIds.map((id, i) => ({
    eventUuid: uuidV7(),
    entity: 'customers',
    entityId: id,
    op: 'upsert',
    payload: {
      name: `Customer ${String(i + 1).padStart(5, '0')}`,
      phone: `+2547${String(i).padStart(8, '0')}`,
    },
    clientUpdatedAt: new Date(now - 61 * DAY + i).toISOString(),
  }));
  for (let i = 0; i < ENTRIES; i++) {
    const customerId = customerIds[i % CUSTOMERS];
    const at = new Date(now - ((i * 7_919_000) % (60 * DAY))).toISOString();
    const kind = Math.floor(i / CUSTOMERS) % 3;
    const [entity, payload] =
      kind === 0
        ? ['debts', { customerId, amount: 1000 + (i % 9) * 100 }]
        : kind === 1
          ? ['payments', { customerId, amount: 300, paidAt: at }]
          : [
              'sales',
              {
                customerId,
                items: [{ name: 'tea', quantity: 2, unitPrice: 250 }],
                total: 500,
                paidAmount: i % 2 ? 500 : 200,
                soldAt: at,
              },
            ];
    events.push({
      eventUuid: uuidV7(),
      entity,
      entityId: uuidV7(),
      op: 'upsert',
      payload,
      clientUpdatedAt: at,
    });
  }
  return { events, customerIds };
}

/**
 * Writes a new store of `CUSTOMERS` customers and `ENTRIES` entries through the server's push
 * (500 a batch, as phones do), then at once reads the dashboard's pages over HTTP with the
 * device's bearer session, every read once a round, `ROUNDS` rounds (within `READ_SECONDS`):
 * each read's p50 and p95.
 */
export async function dashboardReads(b: Bench): Promise<Table> {
  const device = await b.device(true);
  const { events, customerIds } = bookEvents();
  const t0 = performance.now();
  for (let done = 0; done < events.length; done += 500) await device.push(events.slice(done, done + 500));
  log(
    `dashboard reads: pushed ${fmt(events.length)} events in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  const token = await signIn(b.base, device.email);
  const api = createTRPCClient<AppRouter>({
    links: [httpLink({ url: `${b.base}/api/trpc`, headers: { authorization: `Bearer ${token}` } })],
  });
  const id = customerIds[7] as string;
  const page = { limit: 50, cursor: 0 };
  const reads: [string, () => Promise<unknown>][] = [
    ['customers by name', () => api.customers.list.query({ ...page, sort: 'name', order: 'asc' })],
    [
      'customers by name, page 11',
      () => api.customers.list.query({ ...page, cursor: 500, sort: 'name', order: 'asc' }),
    ],
    ['customers by balance', () => api.customers.list.query({ ...page, sort: 'balance', order: 'desc' })],
    ['customer search', () => api.customers.list.query({ ...page, search: '0042' })],
    ['a customer', () => api.customers.get.query({ id })],
    ['a customer’s timeline', () => api.customers.timeline.query({ id })],
    ['sales', () => api.sales.list.query(page)],
    ['debts', () => api.debts.list.query(page)],
    ['repayments', () => api.payments.list.query(page)],
    ['overview', () => api.reports.overview.query({ timeZone: 'UTC' })],
    ['daily, 30 days', () => api.reports.daily.query({ timeZone: 'UTC', days: 30 })],
    ['overdue', () => api.reports.overdue.query({ timeZone: 'UTC' })],
  ];
  const times = new Map(reads.map(([name]) => [name, [] as number[]]));
  const deadline = performance.now() + READ_SECONDS * 1000;
  let rounds = 0;
  while (rounds < ROUNDS && performance.now() < deadline) {
    for (const [name, read] of reads) {
      const start = performance.now();
      await read();
      times.get(name)?.push(performance.now() - start);
      if (performance.now() > deadline) break;
    }
    rounds += 1;
  }
  log(`dashboard reads: ${rounds} rounds`);
  const ms = (x: number) => (Number.isNaN(x) ? '–' : x.toFixed(1));
  return {
    title: `Dashboard reads on a new store (${fmt(CUSTOMERS)} customers, ${fmt(ENTRIES)} entries, read right after the push, no ANALYZE), ms`,
    header: ['read', 'p50', 'p95', `p95 < ${TARGET_P95_MS}`, 'reads'],
    rows: reads.map(([name]) => {
      const xs = times.get(name) ?? [];
      const p95 = percentile(xs, 95);
      return [
        name,
        ms(percentile(xs, 50)),
        ms(p95),
        p95 < TARGET_P95_MS ? 'yes' : '**no**',
        String(xs.length),
      ];
    }),
  };
}

/** A dashboard-capable bearer session of the device's store (dev sign-in on the bench's server). */
async function signIn(base: string, email: string): Promise<string> {
  const anon = createTRPCClient<AppRouter>({ links: [httpLink({ url: `${base}/api/trpc` })] });
  const s = await anon.auth.devSignIn.mutate({ email, deviceId: `dashboard-${uuidV7()}` });
  return s.sessionToken;
}
