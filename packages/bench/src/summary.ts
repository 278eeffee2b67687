import { PULL_LIMIT_MAX } from '@storesync/schema';
import { config, fmt } from './context.ts';
import type { firstSyncPhase } from './phases/first-sync.ts';
import type { loadPhase } from './phases/load.ts';
import type { pullPhase } from './phases/pull.ts';
import type { pushPhase } from './phases/push.ts';
import type { storeSizePhase } from './phases/store-size.ts';
import type { Table } from './report.ts';
import { ratios, type Spread, spread } from './stats.ts';

export interface Results {
  push: Awaited<ReturnType<typeof pushPhase>>;
  pull: Awaited<ReturnType<typeof pullPhase>>;
  firstSync: Awaited<ReturnType<typeof firstSyncPhase>>;
  load: Awaited<ReturnType<typeof loadPhase>>;
  storeSize: Awaited<ReturnType<typeof storeSizePhase>>;
  peer: boolean;
}

/** `median (min–max) unit`, or the one run's value. */
const range = (s: Spread, f: (n: number) => string, unit = '') =>
  (s.runs.length > 1 ? `${f(s.median)} (${f(s.min)}–${f(s.max)})` : f(s.median)) + (unit && ` ${unit}`);
const ratio = (n: number) => n.toFixed(2);
const secs = (n: number) => n.toFixed(2);
const ms = (n: number) => `${fmt(n)} ms`;

/** "met" or "missed" by the median, and in how many runs the target held. */
const verdict = (s: Spread, ok: (n: number) => boolean) =>
  `${ok(s.median) ? 'met' : 'missed'} (${s.runs.filter(ok).length}/${s.runs.length} runs)`;

/** The targets, each a ratio (or time) taken run by run in this run. */
export function targets(r: Results): Table {
  const { push, pull, firstSync, load, storeSize } = r;
  const p500 = spread(ratios(push.http500, push.pairCeiling));
  const p50 = spread(ratios(push.http50, push.pairCeiling2));
  const pullGzip = spread(ratios(pull.httpGzip, pull.query));
  const sync = spread(firstSync.storesync);
  const p99 = spread(load.paced.map((l) => l.p99));
  const errors = load.paced.reduce((a, l) => a + l.errors, 0);
  const size = spread(ratios(storeSize.big, storeSize.small));
  return {
    title: 'Targets (issue 14)',
    header: ['target', 'when issue 14 was filed', 'this run: median (min–max)', 'target', ''],
    rows: [
      [
        'push over HTTP, 500 per batch ÷ pair ceiling',
        '0.35',
        range(p500, ratio),
        '≥ 0.6',
        verdict(p500, (x) => x >= 0.6),
      ],
      [
        'push over HTTP, 50 per batch ÷ pair ceiling',
        '0.15',
        range(p50, ratio),
        '≥ 0.3',
        verdict(p50, (x) => x >= 0.3),
      ],
      [
        'pull over HTTP with gzip ÷ the pull page query’s own rate',
        '0.34 (50.8k vs 148.6k/s)',
        range(pullGzip, ratio),
        '≥ 0.6',
        verdict(pullGzip, (x) => x >= 0.6),
      ],
      [
        `first sync of a ${fmt(config.pullEvents)}-row store, sync client on SQLite (pages of ${fmt(PULL_LIMIT_MAX)})`,
        '2.9–3.9 s',
        range(sync, secs, 's'),
        '< 2 s',
        verdict(sync, (x) => x < 2),
      ],
      [
        `50 devices each pushing 50 events a second, p99 (${errors} errors)`,
        '218 ms',
        range(p99, fmt, 'ms'),
        '< 100 ms',
        verdict(p99, (x) => x < 100 && errors === 0),
      ],
      [
        `push into a store of ${fmt(storeSize.bigRows)} rows ÷ into a store of 10,000`,
        '0.88',
        range(size, ratio),
        '≥ 0.9',
        verdict(size, (x) => x >= 0.9),
      ],
    ],
  };
}

/** Every figure with its spread, and its ratio to the ceiling it is judged against. */
export function figures(r: Results): Table {
  const { push, pull, load, storeSize } = r;
  const pair = [...push.pairCeiling, ...push.pairCeiling2];
  // Figures not run right after a pair ceiling are set against the mean of the round's two.
  const pairOfRound = push.pairCeiling.map((x, i) => (x + (push.pairCeiling2[i] ?? x)) / 2);
  const row = (what: string, runs: number[], unit: string, of?: number[], ofName = '') => [
    what,
    range(spread(runs), fmt, unit),
    of ? `${range(spread(ratios(runs, of)), ratio)} ${ofName}` : '',
  ];
  const events = 'events/s';
  const n = fmt(config.pushEvents);
  const b = [...load.paced].sort((x, y) => x.p99 - y.p99);
  const mid = b[Math.floor((b.length - 1) / 2)];
  return {
    title: 'Figures',
    header: ['figure', 'median (min–max)', '÷ its ceiling, run by run'],
    rows: [
      row(
        'Ceiling: event rows by multi-row INSERT, 500 per statement and transaction',
        push.insertCeiling,
        'rows/s',
      ),
      row('Ceiling: event rows by COPY, 500 per transaction', push.copyCeiling, 'rows/s'),
      row(
        'Ceiling: the pair a push must write — entity row + event row, two COPYs per transaction of 500',
        pair,
        events,
      ),
      row(`Push ${n} new rows, HTTP, 500 per batch`, push.http500, events, push.pairCeiling, 'of pair'),
      row(`Push ${n} new rows, HTTP, 50 per batch`, push.http50, events, push.pairCeiling2, 'of pair'),
      row(`Push ${n} new rows, in-process, 500 per batch`, push.inProcess500, events, pairOfRound, 'of pair'),
      row('Push field edits, HTTP, 500 per batch', push.editsHttp, events, pairOfRound, 'of pair'),
      row('Push field edits, in-process, 500 per batch', push.editsIn, events, pairOfRound, 'of pair'),
      row('Push new rows, in-process, 1 per batch', push.batch1, events, pairOfRound, 'of pair'),
      row('Push new rows, in-process, 10 per batch', push.batch10, events, pairOfRound, 'of pair'),
      row('Push new rows, in-process, 50 per batch', push.batch50, events, pairOfRound, 'of pair'),
      row('Push new rows, in-process, 100 per batch', push.batch100, events, pairOfRound, 'of pair'),
      row(
        `Ceiling: the pull page query’s own rate (pull.ts’s SQL, 1,000 per page over ${fmt(config.pullEvents)})`,
        [...pull.query, ...pull.query2],
        events,
      ),
      row(
        'Pull over HTTP, gzip as phones ask, 1,000 per page',
        pull.httpGzip,
        events,
        pull.query,
        'of query',
      ),
      row('Pull over HTTP, uncompressed', pull.httpPlain, events, pull.query2, 'of query'),
      row('Pull in-process', pull.inProcess, events, pull.query2, 'of query'),
      [
        `50 devices once a second, ${config.loadSeconds} s per run: the median run's p50 / p99`,
        mid ? `${ms(mid.p50)} / ${ms(mid.p99)}, ${fmt(mid.eventsPerSec)} events/s` : '',
        '',
      ],
      [
        `50 devices back to back, ${config.loadSeconds} s: p50 / p99, errors`,
        `${ms(load.backToBack.p50)} / ${ms(load.backToBack.p99)}, ${fmt(load.backToBack.eventsPerSec)} events/s, ${load.backToBack.errors} errors / ${fmt(load.backToBack.requests)} requests`,
        '',
      ],
      row('Push over HTTP, 500 per batch, into a store of 10,000 rows', storeSize.small, events),
      row(
        `… into a store of ${fmt(storeSize.bigRows)} rows`,
        storeSize.big,
        events,
        storeSize.small,
        'of 10k',
      ),
    ],
  };
}

/** StoreSync and the peer, measured turn about. */
export function peer(r: Results): Table | null {
  if (!r.peer) return null;
  const { push, firstSync } = r;
  return {
    title: 'The peer: PouchDB replicating with express-pouchdb (LevelDB), same run',
    header: ['', 'StoreSync', 'PouchDB + express-pouchdb', 'StoreSync ÷ peer, run by run'],
    rows: [
      [
        `push ${fmt(config.pushEvents)} new customers over HTTP`,
        `${range(spread(push.http500), fmt, 'events/s')} (500 per batch)`,
        range(spread(push.peer), fmt, 'docs/s'),
        `${range(spread(ratios(push.http500, push.peer)), ratio)}× as fast`,
      ],
      [
        `a fresh device’s first sync of ${fmt(config.pullEvents)} rows`,
        range(spread(firstSync.storesync), secs, 's'),
        range(spread(firstSync.peer), secs, 's'),
        `${range(spread(ratios(firstSync.peer, firstSync.storesync)), ratio)}× as fast`,
      ],
    ],
  };
}
