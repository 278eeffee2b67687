import { PULL_LIMIT_MAX } from '@storesync/schema';
import { type Bench, fmt, log, logRound } from '../context.ts';
import { editEvents } from '../events.ts';
import type { Table } from '../report.ts';
import { settle } from '../settle.ts';
import { interleave, ratios, spread } from '../stats.ts';
import { firstSync } from './first-sync.ts';
import { fillStore } from './push.ts';

const ROWS = Number(process.env.BENCH_HISTORY_ROWS ?? 10_000);
const WRITES = 10;
const RUNS = 3;

const range = (runs: number[], digits = 2) => {
  const s = spread(runs);
  return `${s.median.toFixed(digits)} (${s.min.toFixed(digits)}–${s.max.toFixed(digits)})`;
};

/**
 * Issue 25: a new device's first sync (the sync client on a SQLite file, pages of 5,000) of a
 * store of `ROWS` customers each written `WRITES` times, against one of `ROWS` written once:
 * by snapshot, and by the event pull from 0 (the client on a server without the snapshot),
 * the four turn about, `RUNS` rounds after a warm-up.
 */
export async function historyWeight(b: Bench): Promise<Table> {
  const once = await b.device(false);
  const edited = await b.device(false);
  log(`history: ${fmt(ROWS)} customers written once, and ${fmt(ROWS)} written ${WRITES} times`);
  await fillStore(once, ROWS);
  const ids: string[] = [];
  for (let done = 0; done < ROWS; done += 500) {
    const { results } = await edited.push(
      Array.from({ length: 500 }, (_, i) => ({
        eventUuid: crypto.randomUUID(),
        entity: 'customers',
        entityId: crypto.randomUUID(),
        op: 'upsert',
        payload: { name: `customer ${done + i}`, phone: '+254700000000', note: 'regular' },
        clientUpdatedAt: new Date().toISOString(),
      })),
    );
    for (const r of results) if (r.row) ids.push(r.row.id);
  }
  for (let w = 1; w < WRITES; w++)
    for (let i = 0; i < ids.length; i += 500) await edited.push(editEvents(ids.slice(i, i + 500)));
  await settle(b.url);
  const sync = (email: string, eventPull: boolean) => async () => {
    const s = await firstSync(b.base, email, PULL_LIMIT_MAX, undefined, undefined, eventPull);
    if (s.rows !== ROWS) throw new Error(`first sync holds ${s.rows} customers, not ${ROWS}`);
    return s.seconds;
  };
  const r = await interleave(
    RUNS,
    {
      snapshotOnce: sync(once.email, false),
      snapshotEdited: sync(edited.email, false),
      logOnce: sync(once.email, true),
      logEdited: sync(edited.email, true),
    },
    { onRound: logRound('history first sync (s)', 2) },
  );
  return {
    title: `A new device's first sync of ${fmt(ROWS)} customers written ${WRITES} times (${fmt(ROWS * WRITES)} events) or once (issue 25; s, median and range of ${RUNS} interleaved runs)`,
    header: [
      'first sync by',
      'written once',
      `written ${WRITES} times`,
      `${WRITES} times ÷ once, run by run`,
      'target',
    ],
    rows: [
      [
        'snapshot, then the log',
        range(r.snapshotOnce),
        range(r.snapshotEdited),
        range(ratios(r.snapshotEdited, r.snapshotOnce)),
        '≤ 1.2',
      ],
      [
        'the event pull from 0 (before)',
        range(r.logOnce),
        range(r.logEdited),
        range(ratios(r.logEdited, r.logOnce)),
        '—',
      ],
    ],
  };
}
