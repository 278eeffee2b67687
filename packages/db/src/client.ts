import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaClient } from './generated/client.ts';
import { type Listening, type ListenOptions, listenPg, listenPglite } from './listen.ts';
import { applyMigrations } from './migrate.ts';
import { pgClientRunner, pgliteRunner, pgliteSql, pgPoolSql, type SqlDb } from './sql.ts';
import { retryUntilReachable, type WaitOptions } from './wait.ts';

/**
 * Prisma for the app's queries, and the driver itself (`sql`) for the sync engine's.
 * `sqlReplica`, when a read replica is configured, reads from it: it may lag behind `sql`
 * (packages/api/src/sync/pull-source.ts handles that for pulls).
 */
export type Db = PrismaClient & { readonly sql: SqlDb; readonly sqlReplica?: SqlDb };

export interface DbOptions {
  /** PostgreSQL connection string; without one, an embedded PGlite database in `dataDir`. */
  databaseUrl?: string | undefined;
  /** Folder for the embedded database; `memory://` keeps it in memory. */
  dataDir?: string;
  /** Connections in the pool (PostgreSQL only). */
  poolSize?: number;
  /** A streaming replica for reads that handle its lag (`db.sqlReplica`); PostgreSQL only. */
  replicaUrl?: string | undefined;
  /** Connections in the replica's pool; `poolSize` by default. */
  replicaPoolSize?: number;
  /**
   * Whether statements marked `prepare` are sent as named prepared statements. A transaction
   * pooler (PgBouncer before 1.21, or without `max_prepared_statements`) would prepare one on
   * one server connection and look it up on another. By default off when `directUrl` differs
   * from `databaseUrl`, i.e. when `databaseUrl` is such a pooler.
   */
  namedStatements?: boolean;
  /**
   * A connection string that reaches PostgreSQL itself, for migrations (a session-level
   * advisory lock) and LISTEN, when `databaseUrl` goes through a pooler in transaction mode
   * (PgBouncer). `databaseUrl` by default.
   */
  directUrl?: string | undefined;
  /**
   * Wait for a PostgreSQL that cannot be reached yet (not started, starting, full), retrying
   * with backoff (wait.ts); without it, one attempt. Misconfiguration still fails at once.
   */
  wait?: WaitOptions | undefined;
}

export interface OpenDb {
  db: Db;
  kind: 'postgres' | 'pglite';
  /** LISTEN for NOTIFYs on one connection of its own (see listen.ts). */
  listen(options: ListenOptions): Promise<Listening>;
  /** The connection pools (PostgreSQL only), for an operator's gauges of use and waiting. */
  pools?: { primary: pg.Pool; replica?: pg.Pool };
  close(): Promise<void>;
}

/**
 * Every statement of the pool's connections goes unnamed (as node-postgres sends a statement
 * without `name`): PostgreSQL parses it each time, on whichever server connection runs it.
 */
function sendUnnamed(pool: pg.Pool): void {
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    const unnamed = (config: unknown) =>
      config && typeof config === 'object' && 'name' in config && !('submit' in config)
        ? { ...config, name: undefined }
        : config;
    Object.assign(client, {
      query: (config: unknown, ...rest: unknown[]) => query(unnamed(config), ...rest),
    });
  });
}

/**
 * How long a pool keeps an idle connection: a minute, not node-postgres's 10 s. A new
 * connection costs 12–30 ms to open and its first page query 20 ms more (cold caches), so
 * a device's first sync after a lull of 20 s took 0.3–0.8 s longer than one right after
 * another request (docs/benchmarks.md).
 */
export const IDLE_MS = 60_000;

/** How long one attempt to reach PostgreSQL for migrations may take before it counts as failed. */
const CONNECT_MS = 10_000;

/** Opens the database, applies pending migrations, and returns a Prisma client on it. */
export async function openDb(options: DbOptions): Promise<OpenDb> {
  const { databaseUrl } = options;
  if (databaseUrl) {
    const attempt = () => openPostgres(databaseUrl, options);
    return options.wait ? retryUntilReachable(attempt, (open) => open.close(), options.wait) : attempt();
  }
  return openPglite(options);
}

async function openPostgres(databaseUrl: string, options: DbOptions): Promise<OpenDb> {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: options.poolSize ?? 10,
    // As Prisma's transaction `maxWait`: a request waits this long for a connection, then fails.
    connectionTimeoutMillis: 30_000,
    idleTimeoutMillis: IDLE_MS,
  });
  // An idle connection dropped by the server must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  const pooled = Boolean(options.directUrl) && options.directUrl !== databaseUrl;
  if (!(options.namedStatements ?? !pooled)) sendUnnamed(pool);
  // Migrations take a session-level advisory lock: on a connection of their own, to
  // PostgreSQL itself (`directUrl`), never through a transaction pooler, which would leave
  // the lock held on whichever server connection took it.
  // A bounded connect: an address that drops packets would otherwise hold an attempt for minutes.
  const direct = new pg.Client({
    connectionString: options.directUrl || databaseUrl,
    connectionTimeoutMillis: CONNECT_MS,
  });
  direct.on('error', () => {});
  try {
    await direct.connect();
    await applyMigrations(pgClientRunner(direct));
  } catch (error) {
    await pool.end();
    throw error;
  } finally {
    await direct.end().catch(() => {});
  }
  const replica = options.replicaUrl
    ? new pg.Pool({
        connectionString: options.replicaUrl,
        max: options.replicaPoolSize ?? options.poolSize ?? 10,
        connectionTimeoutMillis: 30_000,
        idleTimeoutMillis: IDLE_MS,
      })
    : undefined;
  replica?.on('error', () => {});
  const db: Db = Object.assign(new PrismaClient({ adapter: new PrismaPg(pool) }), {
    sql: pgPoolSql(pool),
    ...(replica ? { sqlReplica: pgPoolSql(replica) } : {}),
  });
  return {
    db,
    kind: 'postgres',
    listen: (listenOptions) => listenPg(options.directUrl ?? databaseUrl, listenOptions),
    pools: { primary: pool, ...(replica && { replica }) },
    close: async () => {
      await db.$disconnect();
      await pool.end();
      await replica?.end();
    },
  };
}

async function openPglite(options: DbOptions): Promise<OpenDb> {
  const dataDir = options.dataDir ?? '.data/pglite';
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const pglite = await PGlite.create(dataDir);
  await applyMigrations(pgliteRunner(pglite));
  const db: Db = Object.assign(new PrismaClient({ adapter: new PrismaPGlite(pglite) }), {
    sql: pgliteSql(pglite),
  });
  return {
    db,
    kind: 'pglite',
    listen: (listenOptions) => listenPglite(pglite, listenOptions),
    close: async () => {
      await db.$disconnect();
      await pglite.close();
    },
  };
}
