import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { freePort } from '@storesync/test-support/ports';
import pg from 'pg';

/**
 * Private PostgreSQL topologies for tests: a primary cluster, a streaming replica of it
 * (`pg_basebackup -R`) and a PgBouncer in transaction-pooling mode in front of the primary,
 * each on a spare port, made with Debian's `pg_createcluster` and removed by `stop()`.
 * The shared cluster at 5432 is never touched.
 *
 * Needs Debian's postgresql-common, PostgreSQL 15 and pgbouncer (`.ci/run` installs it), and
 * root (tests run as root here): clusters belong to `postgres`, PgBouncer refuses to run as
 * root and is started with `-u postgres`.
 */
export interface TestClusters {
  /** The primary, directly (migrations, LISTEN: what `DATABASE_DIRECT_URL` points at). */
  primaryUrl: string;
  /** The streaming replica (hot standby, read-only). Empty when `replica: false`. */
  replicaUrl: string;
  /** PgBouncer (transaction pooling) in front of the primary. Empty when `bouncer: false`. */
  bouncerUrl: string;
  /** PgBouncer's admin console (`SHOW POOLS`, …). */
  bouncerAdminUrl: string;
  /** Stops replay on the replica: it keeps receiving WAL but shows nothing newer. */
  pauseReplay(): Promise<void>;
  resumeReplay(): Promise<void>;
  /** Waits until the replica has replayed everything the primary has written so far. */
  catchUp(timeoutMs?: number): Promise<void>;
  /** Stops and removes everything; safe to call twice, never throws. */
  stop(): Promise<void>;
}

export interface TestClustersOptions {
  replica?: boolean;
  bouncer?: boolean;
  /** The database created on the primary (and so on the replica). */
  database?: string;
  /** PgBouncer's `default_pool_size`: server connections per database and user. */
  bouncerPoolSize?: number;
}

const VERSION = '15';
const BIN = `/usr/lib/postgresql/${VERSION}/bin`;
const PREFIX = 'storesync_t';
const ROOT = '/tmp/storesync-clusters';
const run = promisify(execFile);

async function sh(cmd: string, args: string[]): Promise<string> {
  try {
    const { stdout } = await run(cmd, args, { maxBuffer: 16 * 1024 * 1024 });
    return stdout;
  } catch (error) {
    const e = error as { stderr?: string; message: string };
    throw new Error(`${cmd} ${args.join(' ')} failed: ${e.stderr?.trim() || e.message}`);
  }
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

function killBouncer(dir: string): void {
  const pidfile = `${dir}/pgbouncer.pid`;
  if (!existsSync(pidfile)) return;
  const pid = Number(readFileSync(pidfile, 'utf8').trim());
  if (pid > 0 && alive(pid)) process.kill(pid, 'SIGTERM');
}

async function dropCluster(name: string): Promise<void> {
  await sh('pg_dropcluster', ['--stop', VERSION, name]).catch(() => {});
  rmSync(`/etc/postgresql/${VERSION}/${name}`, { recursive: true, force: true });
}

/** Removes what a test process that died before its `stop()` left behind. */
async function sweepOrphans(): Promise<void> {
  const owner = (name: string) => Number(name.slice(PREFIX.length).split('_')[0]);
  const clusters = existsSync(`/etc/postgresql/${VERSION}`) ? readdirSync(`/etc/postgresql/${VERSION}`) : [];
  for (const name of clusters) {
    if (name.startsWith(PREFIX) && !alive(owner(name))) await dropCluster(name);
  }
  const dirs = existsSync(ROOT) ? readdirSync(ROOT) : [];
  for (const name of dirs) {
    if (!name.startsWith(PREFIX) || alive(owner(name))) continue;
    killBouncer(`${ROOT}/${name}`);
    rmSync(`${ROOT}/${name}`, { recursive: true, force: true });
  }
}

const url = (port: number, database: string) => `postgresql://postgres@127.0.0.1:${port}/${database}`;

async function withClient<T>(connectionString: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

async function waitFor(what: string, timeoutMs: number, check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

// Test clusters trade durability for speed; everything else is PostgreSQL's default
// (wal_level replica, 10 WAL senders: enough for pg_basebackup and one standby).
const FAST = ['fsync=off', 'full_page_writes=off', 'shared_buffers=32MB'];

async function createCluster(name: string, port: number, dataDir: string): Promise<void> {
  await sh('pg_createcluster', [
    VERSION,
    name,
    '--port',
    String(port),
    '--datadir',
    dataDir,
    '--start-conf',
    'manual',
    ...FAST.flatMap((o) => ['-o', o]),
    '--',
    '--auth=trust',
  ]);
}

// pg_ctl itself, as the cluster's owner, with the configuration pg_createcluster wrote: what
// `pg_ctlcluster --skip-systemctl-redirect … start` runs, without its ~2 s of waiting.
// pg_lsclusters and pg_dropcluster --stop see the cluster as if pg_ctlcluster had started it.
const startCluster = (name: string, dataDir: string) =>
  sh('runuser', [
    '-u',
    'postgres',
    '--',
    `${BIN}/pg_ctl`,
    'start',
    '-w',
    '-s',
    '-D',
    dataDir,
    '-o',
    `-c config_file=/etc/postgresql/${VERSION}/${name}/postgresql.conf`,
    '-l',
    `/var/log/postgresql/postgresql-${VERSION}-${name}.log`,
  ]);

/**
 * The bouncer's configuration: transaction pooling, trust authentication (the test
 * clusters trust every local connection too), everything under its own folder.
 */
export function bouncerIni(o: { dir: string; port: number; serverPort: number; poolSize: number }): string {
  return `[databases]
* = host=127.0.0.1 port=${o.serverPort}

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = ${o.port}
unix_socket_dir = ${o.dir}
pidfile = ${o.dir}/pgbouncer.pid
logfile = ${o.dir}/pgbouncer.log
auth_type = trust
auth_file = ${o.dir}/userlist.txt
admin_users = postgres
pool_mode = transaction
default_pool_size = ${o.poolSize}
max_client_conn = 1000
`;
}

/**
 * Creates the clusters (a few seconds: ~1–3 s for the two `pg_createcluster`, ~1–3 s for the
 * base backup) and
 * returns their URLs. On any failure everything made so far is removed before it throws.
 */
export async function createTestClusters(options: TestClustersOptions = {}): Promise<TestClusters> {
  const { replica = true, bouncer = true, database = 'storesync', bouncerPoolSize = 10 } = options;
  if (!/^[a-z_][a-z0-9_]*$/.test(database))
    throw new Error(`database name ${database} is not a plain identifier`);
  await sweepOrphans();
  const name = `${PREFIX}${process.pid}_${randomBytes(4).toString('hex')}`;
  const dir = `${ROOT}/${name}`;
  const taken = new Set<number>();
  const [primaryPort, replicaPort, bouncerPort] = [
    await freePort(taken),
    await freePort(taken),
    await freePort(taken),
  ] as [number, number, number];
  const primaryName = `${name}_p`;
  const replicaName = `${name}_r`;

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    killBouncer(dir);
    await Promise.all([dropCluster(replicaName), dropCluster(primaryName)]);
    rmSync(dir, { recursive: true, force: true });
  };

  try {
    mkdirSync(dir, { recursive: true, mode: 0o755 });
    mkdirSync(ROOT, { recursive: true });
    await Promise.all([
      createCluster(primaryName, primaryPort, `${dir}/primary`),
      replica ? createCluster(replicaName, replicaPort, `${dir}/replica`) : undefined,
    ]);
    await startCluster(primaryName, `${dir}/primary`);
    const primaryUrl = url(primaryPort, database);
    await withClient(url(primaryPort, 'postgres'), (c) => c.query(`CREATE DATABASE ${database}`));

    let replicaUrl = '';
    if (replica) {
      // pg_createcluster made the replica's configuration (its port); its data becomes a
      // base backup of the primary, with standby.signal and primary_conninfo (-R).
      const data = `${dir}/replica`;
      rmSync(data, { recursive: true, force: true });
      mkdirSync(data, { mode: 0o700 });
      chownSync(data, postgresUid(), postgresGid());
      await sh('runuser', [
        '-u',
        'postgres',
        '--',
        `${BIN}/pg_basebackup`,
        '-h',
        '127.0.0.1',
        '-p',
        String(primaryPort),
        '-U',
        'postgres',
        '-D',
        data,
        '-R',
        '-X',
        'stream',
        '-c',
        'fast',
      ]);
      await startCluster(replicaName, data);
      replicaUrl = url(replicaPort, database);
      await waitFor('the replica to accept connections', 30_000, () =>
        withClient(
          replicaUrl,
          async (c) => (await c.query('SELECT pg_is_in_recovery() AS r')).rows[0].r === true,
        ),
      );
    }

    let bouncerUrl = '';
    if (bouncer) {
      writeFileSync(
        `${dir}/pgbouncer.ini`,
        bouncerIni({ dir, port: bouncerPort, serverPort: primaryPort, poolSize: bouncerPoolSize }),
      );
      writeFileSync(`${dir}/userlist.txt`, '"postgres" ""\n');
      for (const f of ['pgbouncer.ini', 'userlist.txt', '.'])
        chownSync(`${dir}/${f}`, postgresUid(), postgresGid());
      // -d: it daemonizes once it listens; stop() kills it by its pidfile.
      await sh('pgbouncer', ['-d', '-u', 'postgres', `${dir}/pgbouncer.ini`]);
      bouncerUrl = url(bouncerPort, database);
      await waitFor('PgBouncer to accept connections', 10_000, () =>
        withClient(bouncerUrl, async (c) => (await c.query('SELECT 1')).rowCount === 1),
      );
    }

    const onReplica = (sql: string) => withClient(replicaUrl, (c) => c.query(sql)).then(() => {});
    return {
      primaryUrl,
      replicaUrl,
      bouncerUrl,
      bouncerAdminUrl: bouncer ? url(bouncerPort, 'pgbouncer') : '',
      pauseReplay: () => onReplica('SELECT pg_wal_replay_pause()'),
      resumeReplay: () => onReplica('SELECT pg_wal_replay_resume()'),
      async catchUp(timeoutMs = 30_000) {
        const lsn = await withClient(
          primaryUrl,
          async (c) =>
            (await c.query<{ lsn: string }>('SELECT pg_current_wal_insert_lsn()::text AS lsn')).rows[0]?.lsn,
        );
        await waitFor(`the replica to replay up to ${lsn}`, timeoutMs, () =>
          withClient(
            replicaUrl,
            async (c) =>
              (await c.query('SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS ok', [lsn])).rows[0].ok ===
              true,
          ),
        );
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

let ids: { uid: number; gid: number } | undefined;
function postgresIds() {
  if (!ids) {
    const line = readFileSync('/etc/passwd', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('postgres:'));
    if (!line) throw new Error('no postgres user: install PostgreSQL (Debian postgresql-common)');
    const [, , uid, gid] = line.split(':');
    ids = { uid: Number(uid), gid: Number(gid) };
  }
  return ids;
}
const postgresUid = () => postgresIds().uid;
const postgresGid = () => postgresIds().gid;
