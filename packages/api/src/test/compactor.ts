// A compactor in a process of its own, for compact-crash.pg.test.ts to kill -9 mid-pass:
// `tsx compactor.ts <database url> <user id> <batch>` prints each batch's outcome as a line.
import { openDb } from '@storesync/db';
import { compactBatch } from '../sync/compact.ts';

const [url, userId, batch] = process.argv.slice(2) as [string, string, string];
const { db } = await openDb({ databaseUrl: url, poolSize: 1 });
for (;;) {
  const outcome = await compactBatch(db.sql, userId, { horizonDays: 90, batch: Number(batch) });
  process.stdout.write(`${JSON.stringify(outcome)}\n`);
  if (!outcome || outcome.done) process.exit(0);
}
