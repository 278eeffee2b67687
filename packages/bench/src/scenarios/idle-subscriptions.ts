import { execFileSync } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { type ClientRequest, request } from 'node:http';
import { createGunzip } from 'node:zlib';
import { createCaller, createContext, defaultApiConfig } from '@storesync/api';
import type { Db } from '@storesync/db';
import { log } from '../context.ts';
import { rssOf } from '../server.ts';
import { median } from '../stats.ts';

/** The app process's CPU and memory over one window. */
export interface IdleWindow {
  /** CPU time the process used, as % of one core. */
  cpuPercent: number;
  /** Median of its RSS sampled once a second, bytes. */
  rss: number;
}

export interface IdleResult {
  streams: number;
  seconds: number;
  before: IdleWindow;
  open: IdleWindow;
  /** Pings the streams received in the open window (the server sends one every 20 s each). */
  pings: number;
  /** Time to open all the streams, s. */
  openSeconds: number;
  /** The answers' content-encoding ('none' when not compressed). */
  encoding: string;
}

const ticksPerSecond = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** utime + stime of the process, in seconds (/proc/<pid>/stat, fields 14 and 15). */
export async function cpuSeconds(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  // The command name, in parentheses, may hold spaces: count fields after it (field 3 is first).
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
}

/** CPU seconds the whole machine spent busy (all cores; /proc/stat, all but idle, iowait and guest, which user counts). */
export async function machineCpu(): Promise<number> {
  const line = (await readFile('/proc/stat', 'utf8')).split('\n')[0] ?? '';
  const [, ...ticks] = line.trim().split(/\s+/).map(Number);
  const busy = ticks.reduce((a, x, i) => (i === 3 || i === 4 || i >= 8 ? a : a + x), 0);
  return busy / ticksPerSecond;
}

/**
 * CPU seconds of each PostgreSQL backend serving `database` (by its process
 * title, `postgres: … <user> <database> …`), by pid.
 */
export async function backendsCpu(database: string): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  for (const entry of await readdir('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    try {
      const title = await readFile(`/proc/${pid}/cmdline`, 'utf8');
      if (title.startsWith('postgres:') && title.split(' ').includes(database)) {
        out.set(pid, await cpuSeconds(pid));
      }
    } catch {
      // Gone meanwhile.
    }
  }
  return out;
}

async function measure(pid: number, seconds: number): Promise<IdleWindow> {
  const rss: number[] = [];
  const cpu0 = await cpuSeconds(pid);
  const t0 = performance.now();
  for (let i = 0; i < seconds; i++) {
    await new Promise((r) => setTimeout(r, 1_000));
    rss.push(await rssOf(pid));
  }
  const cpu = await cpuSeconds(pid);
  return { cpuPercent: ((cpu - cpu0) / ((performance.now() - t0) / 1000)) * 100, rss: median(rss) };
}

/** `count` sessions, two devices a store, signed in in-process (not through the server measured). */
async function sessions(db: Db, count: number): Promise<string[]> {
  const unlimited = { max: 100_000_000, windowSeconds: 60 };
  const config = defaultApiConfig({
    devLogin: true,
    limits: { perSession: unlimited, signInPerAddress: unlimited, signInPerAccount: unlimited },
  });
  const anon = createCaller(await createContext({ db, config, headers: new Headers() }));
  const tokens: string[] = [];
  for (let i = 0; i < count; i += 20) {
    const batch = Array.from({ length: Math.min(20, count - i) }, (_, j) => i + j);
    const signed = await Promise.all(
      batch.map((n) => anon.auth.devSignIn({ email: `idle${n >> 1}@example.com`, deviceId: `idle-${n}` })),
    );
    tokens.push(...signed.map((s) => s.sessionToken));
  }
  return tokens;
}

/**
 * Idle cost of `count` open `sync.live` streams on one app process: its CPU
 * (utime + stime from /proc) and RSS over `seconds` with none open, then over
 * `seconds` with all open and nothing poked. The streams are plain HTTP
 * requests from this process, each reading its body as it comes, asking for
 * gzip as phones and browsers do unless `gzip` is false.
 */
export async function idleSubscriptions(
  db: Db,
  base: string,
  pid: number,
  { count, seconds, gzip }: { count: number; seconds: number; gzip: boolean },
): Promise<IdleResult> {
  const tokens = await sessions(db, count);
  log(`idle subscriptions: ${tokens.length} sessions signed in; ${seconds} s with none open`);
  const before = await measure(pid, seconds);
  const requests: ClientRequest[] = [];
  let connected = 0;
  let pings = 0;
  let failures = 0;
  const encodings = new Set<string>();
  const t0 = performance.now();
  try {
    for (const token of tokens) {
      const req = request(`${base}/api/trpc/sync.live`, {
        headers: {
          authorization: `Bearer ${token}`,
          accept: 'text/event-stream',
          'accept-encoding': gzip ? 'gzip' : 'identity',
        },
      });
      req.on('response', (res) => {
        if (res.statusCode !== 200) failures += 1;
        res.on('error', () => {});
        const encoding = res.headers['content-encoding'] ?? 'none';
        encodings.add(encoding);
        const body = encoding === 'gzip' ? res.pipe(createGunzip()) : res;
        body.on('error', () => {});
        body.setEncoding('utf8');
        body.on('data', (chunk: string) => {
          if (chunk.includes('event: connected')) connected += 1;
          if (chunk.includes('event: ping')) pings += 1;
        });
      });
      req.on('error', () => {
        failures += 1;
      });
      req.end();
      requests.push(req);
    }
    const deadline = performance.now() + 60_000;
    while (connected + failures < tokens.length && performance.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
    }
    if (connected < tokens.length) {
      throw new Error(
        `idle subscriptions: ${connected} of ${tokens.length} streams opened (${failures} failed)`,
      );
    }
    const openSeconds = (performance.now() - t0) / 1000;
    log(`idle subscriptions: ${connected} streams open in ${openSeconds.toFixed(1)} s; ${seconds} s idle`);
    // Settle after the burst of opening before measuring.
    await new Promise((r) => setTimeout(r, 2_000));
    pings = 0;
    const open = await measure(pid, seconds);
    const seen = pings;
    if (failures > 0) throw new Error(`idle subscriptions: ${failures} streams failed while idle`);
    return {
      streams: connected,
      seconds,
      before,
      open,
      pings: seen,
      openSeconds,
      encoding: [...encodings].join(', '),
    };
  } finally {
    for (const req of requests) req.destroy();
  }
}
