import type { PushResult } from '@storesync/schema';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/** What a node-postgres pool says of itself (`pg.Pool` has these). */
export interface PoolCounts {
  readonly totalCount: number;
  readonly idleCount: number;
  readonly waitingCount: number;
}

/** Routes beyond this many distinct names are counted as `other`: a label must stay bounded. */
const MAX_ROUTES = 100;
const PROCEDURE = /^[A-Za-z]+(\.[A-Za-z]+)+$/;

function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  const pools = new Map<string, PoolCounts>();
  const poolGauge = (name: string, help: string, count: (p: PoolCounts) => number) =>
    new Gauge({
      name,
      help,
      labelNames: ['pool'],
      registers,
      // Read when scraped: the pool is the one source of truth.
      collect() {
        this.reset();
        for (const [pool, p] of pools) this.set({ pool }, count(p));
      },
    });
  return {
    registry,
    pools,
    routes: new Set<string>(),
    httpRequests: new Histogram({
      name: 'storesync_http_request_duration_seconds',
      help: 'API requests by route (procedure, or batch of procedures) and status, with their duration',
      labelNames: ['route', 'method', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    pushEvents: new Counter({
      name: 'storesync_push_events_total',
      help: 'Pushed events by outcome (applied, ignored, duplicate, rejected)',
      labelNames: ['status'],
      registers,
    }),
    pushRejections: new Counter({
      name: 'storesync_push_rejected_events_total',
      help: 'Rejected pushed events by reject code',
      labelNames: ['code'],
      registers,
    }),
    pulledEvents: new Counter({
      name: 'storesync_pull_events_total',
      help: 'Events served by pulls',
      registers,
    }),
    pullPages: new Counter({
      name: 'storesync_pull_pages_total',
      help: 'Pull pages by where they were read (replica, primary)',
      labelNames: ['source'],
      registers,
    }),
    replicaFallbacks: new Counter({
      name: 'storesync_replica_fallbacks_total',
      help: 'Pulls read from the primary although a replica is configured: behind (lagging past the wait) or error',
      labelNames: ['reason'],
      registers,
    }),
    liveStreams: new Gauge({ name: 'storesync_live_streams', help: 'Live (poke) streams open', registers }),
    pokesSent: new Counter({
      name: 'storesync_live_pokes_total',
      help: 'Pokes sent to live streams',
      registers,
    }),
    notifyFailures: new Counter({
      name: 'storesync_notify_failures_total',
      help: 'pg_notify calls that failed (other devices wait for their timer)',
      registers,
    }),
    listenUp: new Gauge({
      name: 'storesync_listen_up',
      help: '1 while the LISTEN connection listens; 0 while it is down (live updates fell back to the timer)',
      registers,
    }),
    listenReconnects: new Counter({
      name: 'storesync_listen_reconnects_total',
      help: 'LISTEN connection events: lost, a failed reconnect attempt, resumed',
      labelNames: ['event'],
      registers,
    }),
    poolTotal: poolGauge(
      'storesync_db_pool_connections',
      'Connections open in the pool',
      (p) => p.totalCount,
    ),
    poolInUse: poolGauge(
      'storesync_db_pool_in_use',
      'Connections of the pool checked out',
      (p) => p.totalCount - p.idleCount,
    ),
    poolWaiting: poolGauge(
      'storesync_db_pool_waiting',
      'Requests waiting for a connection of the pool',
      (p) => p.waitingCount,
    ),
    rateLimitRefusals: new Counter({
      name: 'storesync_rate_limit_refusals_total',
      help: 'Requests refused with 429 by rule',
      labelNames: ['rule'],
      registers,
    }),
    authFailures: new Counter({
      name: 'storesync_auth_failures_total',
      help: 'Requests refused as not signed in (a bad, expired or missing session)',
      registers,
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

// One registry per process: Next bundles this module more than once (instrumentation, route
// handlers), and every copy must count into the registry that /metrics reads.
const holder = globalThis as unknown as { storesyncMetrics?: Metrics };

/** The process's metrics: every place that counts imports this, and /metrics renders it. */
holder.storesyncMetrics ??= createMetrics();
export const metrics: Metrics = holder.storesyncMetrics;

/** The route as a bounded label: procedure names (sorted, for a batch), anything else `other`. */
export function routeLabel(route: string, status: number): string {
  const parts = [...new Set(route.split(','))].sort();
  if (status === 404 || !parts.every((p) => PROCEDURE.test(p))) return 'other';
  const label = parts.join(',');
  if (metrics.routes.has(label)) return label;
  if (metrics.routes.size >= MAX_ROUTES) return 'other';
  metrics.routes.add(label);
  return label;
}

/** Counts a push's results, once its transaction committed. */
export function countPushResults(results: readonly PushResult[]): void {
  for (const r of results) {
    metrics.pushEvents.inc({ status: r.status });
    if (r.error) metrics.pushRejections.inc({ code: r.error.code });
  }
}

/** Reports a pool's counts at every scrape (`replica` for the read replica's). */
export function observePool(name: 'primary' | 'replica', pool: PoolCounts): void {
  metrics.pools.set(name, pool);
}

/** The Prometheus text exposition of every metric, and its content type. */
export async function renderMetrics(): Promise<{ body: string; contentType: string }> {
  return { body: await metrics.registry.metrics(), contentType: metrics.registry.contentType };
}
