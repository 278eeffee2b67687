import { execFileSync, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { type Bench, fmt, log, logRound } from '../context.ts';
import { grow } from '../phases/store-size.ts';
import type { Table } from '../report.ts';
import { settle } from '../settle.ts';
import { interleave, spread } from '../stats.ts';

const SIZES = (process.env.BENCH_FIRST_SYNC_SIZES ?? '100000,1000000').split(',').map(Number);
const RUNS = 3;
/** `same`: keep the copied rows' one name (as the pull figures' store has), for a like-for-like look. */
const SAME_NAMES = process.env.BENCH_FIRST_SYNC_NAMES === 'same';

/**
 * One first sync by a fresh process (first-sync-main.ts): its time and its peak RSS. The
 * disk's pending writes are flushed first: the run before left a book of up to 400 MB being
 * written back, which each commit of this one would wait behind.
 */
function firstSyncProcess(base: string, email: string, rows: number) {
  execFileSync('sync');
  const main = fileURLToPath(new URL('../first-sync-main.ts', import.meta.url));
  return new Promise<{ seconds: number; peakRssMiB: number }>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', main, base, email], {
      cwd: fileURLToPath(new URL('../..', import.meta.url)),
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`first sync process exited ${code}`));
      const r = JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as {
        seconds: number;
        rows: number;
        peakRssMiB: number;
      };
      if (r.rows !== rows) return reject(new Error(`first sync holds ${r.rows} customers, not ${rows}`));
      resolve(r);
    });
  });
}

/**
 * Issue 25: a new device's first sync (the sync client on a SQLite file, by snapshot, pages
 * of 5,000, in a process of its own) of stores of each size in SIZES, built by COPY and then
 * given distinct names (the phone's name index costs most with names in no order): wall
 * time from sign-in to the whole book, and the process's peak RSS. The sizes turn about,
 * `RUNS` rounds after a warm-up.
 */
export async function firstSyncBySize(b: Bench): Promise<Table> {
  const stores: { rows: number; email: string }[] = [];
  for (const rows of SIZES) {
    const device = await b.device(true);
    log(`first sync by size: building a store of ${fmt(rows)} customers by COPY`);
    const built = await grow(b.url, device, rows, Number.POSITIVE_INFINITY);
    // Names of their own, as a shop's customers have, in no order of their ids.
    if (!SAME_NAMES)
      await b.db.sql.query(
        `UPDATE customers SET name = 'Customer ' || substr(md5(id::text), 1, 10)
       WHERE user_id = (SELECT user_id FROM customers WHERE id = (SELECT entity_id FROM sync_events WHERE device_id = $1 LIMIT 1))`,
        [device.deviceId],
      );
    stores.push({ rows: built, email: device.email });
  }
  await settle(b.url);
  const rss: Record<string, number[]> = {};
  const r = await interleave(
    RUNS,
    Object.fromEntries(
      stores.map((s) => [
        String(s.rows),
        async () => {
          const run = await firstSyncProcess(b.base, s.email, s.rows);
          rss[s.rows] = [...(rss[s.rows] ?? []), run.peakRssMiB];
          return run.seconds;
        },
      ]),
    ),
    { onRound: logRound('first sync by size (s)', 2) },
  );
  const range = (xs: number[], digits: number) => {
    const s = spread(xs);
    return `${s.median.toFixed(digits)} (${s.min.toFixed(digits)}–${s.max.toFixed(digits)})`;
  };
  return {
    title: `A new device's first sync by store size (issue 25; the sync client on SQLite in a process of its own, by snapshot; median and range of ${RUNS} interleaved runs)`,
    header: [
      'customers',
      'sign-in to the whole book (s)',
      'rows per second',
      'client peak RSS (MiB)',
      'target',
    ],
    rows: stores.map((s) => {
      const secs = r[String(s.rows)] ?? [];
      return [
        fmt(s.rows),
        range(secs, 2),
        fmt(s.rows / spread(secs).median),
        range((rss[s.rows] ?? []).slice(-secs.length), 0),
        s.rows === 100_000 ? '< 1.5 s' : 'reported',
      ];
    }),
  };
}
