import type { SqlDb } from '@storesync/db';
import { RetryLaterError } from '../errors.ts';
import { defaultLogger } from '../log.ts';
import { metrics } from '../metrics.ts';
import type { LimitRule } from './rules.ts';

/**
 * The current window's counter of `key`, bumped by `$4` hits (for the session's key, also its
 * last-seen, when this statement opened the window), with the window's start and seconds left.
 */
const HIT = `WITH hit AS (
    INSERT INTO rate_limits AS r (key, window_start, hits)
    VALUES ($1, date_bin(make_interval(secs => $2), clock_timestamp(), 'epoch'), $4)
    ON CONFLICT (key) DO UPDATE SET
      hits = CASE WHEN r.window_start = EXCLUDED.window_start THEN r.hits + EXCLUDED.hits ELSE EXCLUDED.hits END,
      window_start = EXCLUDED.window_start
    RETURNING hits, window_start),
  seen AS (
    UPDATE sessions SET last_seen_at = (SELECT window_start FROM hit)
    WHERE $3::uuid IS NOT NULL AND id = $3::uuid AND (SELECT hits FROM hit) = $4)
  SELECT hits, extract(epoch FROM window_start)::float8 AS start,
    extract(epoch FROM window_start + make_interval(secs => $2) - clock_timestamp())::float8 AS left
  FROM hit`;

/** Most hits a process counts in memory before it adds them to the shared counter. */
const MAX_BATCH = 50;

/**
 * Hits one process may hold back: 1/20 of the limit (none below 20) unless the rule says, so
 * that with P processes a client gets at most `max + P × (batch − 1)` hits a window, 5 % more
 * per process.
 */
export const batchOf = (rule: LimitRule) =>
  rule.batch ?? Math.min(MAX_BATCH, Math.max(1, Math.floor(rule.max / 20)));

/** What this process knows of a key's window. */
interface Window {
  /** The window's start on the database's clock (epoch seconds): identifies it. */
  start: number;
  /** `performance.now()` when the window ends. */
  endsAt: number;
  /** The shared counter as the last statement returned it. */
  total: number;
  /** Hits counted here and not yet added to the shared counter. */
  pending: number;
}

const windowsOf = new WeakMap<SqlDb, Map<string, Window>>();
/** Past this many keys, a hit first forgets windows that have ended. */
const PRUNE_AT = 10_000;

/** The rule a key counts for, as a bounded metric label. */
const ruleLabel = (key: string) =>
  /^(session|device|signin:address|signin:account|authfail:address):/.exec(key)?.[1] ?? 'other';

function refuse(key: string, rule: LimitRule, secondsLeft: number): never {
  metrics.rateLimitRefusals.inc({ rule: ruleLabel(key) });
  throw new RetryLaterError({
    code: 'TOO_MANY_REQUESTS',
    message: `Too many requests: at most ${rule.max} per ${rule.windowSeconds} s`,
    retryAfterSeconds: secondsLeft,
  });
}

/**
 * Counts one hit of `key` against `rule` and throws `TOO_MANY_REQUESTS`, with the seconds until
 * the window ends, past the limit. The counters live in PostgreSQL, so every app process shares
 * them, and windows follow the database's clock, so processes agree on them. A process writes
 * the first hit of each window at once (which also stamps `sessionId`'s `last_seen_at`: one
 * write a window) and then adds its hits in batches (`batchOf`), or at once as the limit nears;
 * a key known to be over its limit is refused without a write until its window ends.
 */
export async function hitLimit(
  sql: SqlDb,
  key: string,
  rule: LimitRule,
  sessionId: string | null = null,
): Promise<void> {
  const windows = windowsOf.get(sql) ?? new Map<string, Window>();
  windowsOf.set(sql, windows);
  const now = performance.now();
  const w = windows.get(key);
  if (w && now < w.endsAt) {
    if (w.total > rule.max) refuse(key, rule, (w.endsAt - now) / 1000);
    const held = w.pending + 1;
    if (held < batchOf(rule) && w.total + held <= rule.max - batchOf(rule)) {
      w.pending = held;
      return;
    }
    w.pending = 0;
    return add(sql, windows, key, rule, held, sessionId);
  }
  if (windows.size >= PRUNE_AT) for (const [k, old] of windows) if (old.endsAt <= now) windows.delete(k);
  // A stale window's held hits are dropped with it: they counted for a window that has ended.
  return add(sql, windows, key, rule, 1, sessionId);
}

/** Adds `hits` to the shared counter and learns its total; refuses past the limit. */
async function add(
  sql: SqlDb,
  windows: Map<string, Window>,
  key: string,
  rule: LimitRule,
  hits: number,
  sessionId: string | null,
): Promise<void> {
  const [row] = await sql.query<{ hits: number; start: number; left: number }>(HIT, [
    key,
    rule.windowSeconds,
    sessionId,
    hits,
  ]);
  if (!row) return;
  const w = windows.get(key);
  // Answers of concurrent statements arrive in any order: keep the highest count of the newest window.
  if (w && w.start === row.start) w.total = Math.max(w.total, row.hits);
  else if (!w || row.start > w.start) {
    windows.set(key, {
      start: row.start,
      endsAt: performance.now() + row.left * 1000,
      total: row.hits,
      pending: 0,
    });
  }
  if (row.hits > rule.max) refuse(key, rule, row.left);
}

/** Least time between two sweeps of one database by one process. */
const SWEEP_EVERY_MS = 10 * 60_000;
/** Most rows one sweep deletes: a sweep is one short statement, whatever the table holds. */
const SWEEP_ROWS = 1_000;
const sweptAt = new WeakMap<SqlDb, number>();

/**
 * Forgets windows over a day old, so the table holds only live counters: at most every ten
 * minutes per process, and at most `SWEEP_ROWS` rows at a time, so that a sign-in pays for
 * nothing most of the time and never for a long delete.
 */
export async function sweepLimits(sql: SqlDb): Promise<void> {
  const last = sweptAt.get(sql);
  if (last !== undefined && performance.now() - last < SWEEP_EVERY_MS) return;
  sweptAt.set(sql, performance.now());
  await sql
    .query(
      `DELETE FROM rate_limits WHERE key IN (
        SELECT key FROM rate_limits WHERE window_start < clock_timestamp() - interval '1 day' LIMIT ${SWEEP_ROWS})`,
    )
    // A sweep that failed is tried again next time; the sign-in goes on.
    .catch((error: unknown) => defaultLogger.warn({ err: error }, 'sweeping old rate-limit windows failed'));
}
