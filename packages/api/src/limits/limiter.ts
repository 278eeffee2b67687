import type { SqlDb } from '@storesync/db';
import { RetryLaterError } from '../errors.ts';
import type { LimitRule } from './rules.ts';

/** The current window's counter of `key`, bumped by one (for the session's key, also its last-seen). */
const HIT = `WITH hit AS (
    INSERT INTO rate_limits AS r (key, window_start, hits)
    VALUES ($1, date_bin(make_interval(secs => $2), clock_timestamp(), 'epoch'), 1)
    ON CONFLICT (key) DO UPDATE SET
      hits = CASE WHEN r.window_start = EXCLUDED.window_start THEN r.hits + 1 ELSE 1 END,
      window_start = EXCLUDED.window_start
    RETURNING hits, window_start),
  seen AS (
    UPDATE sessions SET last_seen_at = (SELECT window_start FROM hit)
    WHERE $3::uuid IS NOT NULL AND id = $3::uuid AND (SELECT hits FROM hit) = 1)
  SELECT hits, extract(epoch FROM (SELECT window_start FROM hit) + make_interval(secs => $2) - clock_timestamp())::float8 AS left
  FROM hit`;

/**
 * Counts one hit of `key` against `rule` in one statement (the counters live
 * in PostgreSQL, so every app process shares them; windows follow the
 * database's clock, so processes agree on them) and throws
 * `TOO_MANY_REQUESTS`, with the seconds until the window ends, past the limit.
 * With `sessionId`, the first hit of each window also stamps that session's
 * `last_seen_at`: at most one write a window, in the same statement.
 */
export async function hitLimit(
  sql: SqlDb,
  key: string,
  rule: LimitRule,
  sessionId: string | null = null,
): Promise<void> {
  const [row] = await sql.query<{ hits: number; left: number }>(HIT, [key, rule.windowSeconds, sessionId]);
  if (row && row.hits > rule.max) {
    throw new RetryLaterError({
      code: 'TOO_MANY_REQUESTS',
      message: `Too many requests: at most ${rule.max} per ${rule.windowSeconds} s`,
      retryAfterSeconds: row.left,
    });
  }
}

/** Forgets windows over a day old, so the table holds only live counters. */
export async function sweepLimits(sql: SqlDb): Promise<void> {
  await sql.query(`DELETE FROM rate_limits WHERE window_start < clock_timestamp() - interval '1 day'`);
}
