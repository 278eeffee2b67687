import { migrationStatus } from '@storesync/db';
import { getOpenDb } from './db';
import { isShuttingDown } from './shutdown';

/** A probe that takes longer than this counts as a failure. */
const PROBE_MS = 3_000;

const withinProbeTime = <T>(work: Promise<T>): Promise<T> => {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timed out')), PROBE_MS);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
};

/**
 * Why this process should not be sent traffic now, or undefined when it may be:
 * the database must answer and have every migration applied. Generic reasons only,
 * since the probe is public.
 */
export async function notReadyReason(): Promise<string | undefined> {
  if (isShuttingDown()) return 'shutting down';
  let status: { pending: string[]; failed: string[] };
  try {
    status = await withinProbeTime(getOpenDb().then(({ db }) => migrationStatus(db.sql)));
  } catch {
    return 'database unreachable';
  }
  if (status.failed.length > 0) return 'a migration failed';
  if (status.pending.length > 0) return 'migrations pending';
  return undefined;
}
