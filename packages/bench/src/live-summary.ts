import { fmt } from './context.ts';
import type { LivePhase } from './phases/live.ts';
import type { Table } from './report.ts';
import type { VisibleSample } from './scenarios/live.ts';
import { percentile } from './stats.ts';

const ms = (n: number) => (Number.isNaN(n) ? '–' : n < 10 ? `${n.toFixed(1)} ms` : `${fmt(n)} ms`);
const finite = (xs: number[]) => xs.filter((x) => Number.isFinite(x));
/** `p50 / p90 / p99 / max` of a stage. */
const dist = (xs: number[]) => {
  const v = finite(xs);
  return `${ms(percentile(v, 50))} / ${ms(percentile(v, 90))} / ${ms(percentile(v, 99))} / ${ms(Math.max(...v))}`;
};
const stage = (s: VisibleSample[], f: (x: VisibleSample) => number) => dist(s.map(f));

/** The p99 the target is judged on: write on A until B's book holds it, A's push included. */
export const visibleP99 = (r: LivePhase) =>
  percentile(
    r.live.samples.map((s) => s.visible),
    99,
  );

/** Issue 13's figures: the target row, then where the time goes, then the idle cost. */
export function liveTable(r: LivePhase): Table {
  const { live, idle } = r;
  const s = live.samples;
  const n = s.length;
  const p99 = visibleP99(r);
  const halves = [s.slice(0, n >> 1), s.slice(n >> 1)].map((h) =>
    ms(
      percentile(
        h.map((x) => x.visible),
        99,
      ),
    ),
  );
  const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
  const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
  const perStream = (idle.open.rss - idle.before.rss) / idle.streams;
  const cpuPer = (idle.open.cpuPercent - idle.before.cpuPercent) / idle.streams;
  const bg = live.load;
  return {
    title: 'Live (issue 13): a change on one device, visible on another',
    header: ['figure', 'this run: p50 / p90 / p99 / max', 'target', ''],
    rows: [
      [
        `write on device A (process 1) until device B’s book holds it (B live on process 2, SQLite), ${n} samples; p99 of each half`,
        `${stage(s, (x) => x.visible)}; ${halves.join(', ')}`,
        'p99 < 100 ms',
        p99 < 100 && n > 0 ? 'met' : 'missed',
      ],
      [
        `the same, ${live.quiet.length} samples taken just before the load started (the ${live.devices} devices subscribed, quiet)`,
        stage(live.quiet, (x) => x.visible),
        '',
        '',
      ],
      ['… of which (under the load): A’s local write', stage(s, (x) => x.written), '', ''],
      [
        '… A’s push, sent at once by syncNow(), until acknowledged',
        stage(s, (x) => x.acked - x.written),
        '',
        '',
      ],
      [
        '… B’s poke, after the ack (NOTIFY, LISTEN on process 2, SSE; below 0: before A read its answer)',
        stage(s, (x) => x.poked - x.acked),
        '',
        '',
      ],
      ['… B’s pull, from the poke until its answer', stage(s, (x) => x.pulled - x.poked), '', ''],
      [
        '… B applies the page to its book (SQLite) and reads the row back',
        stage(s, (x) => x.visible - x.pulled),
        '',
        '',
      ],
      ['visible after A’s push was acknowledged', stage(s, (x) => x.visible - x.acked), '', ''],
      [
        `meanwhile: ${live.devices} devices subscribed, half on each process, each pushing 50 events a second, ${live.pull ? 'pulling when poked' : 'not pulling when poked (BENCH_LIVE_PULL=0)'}`,
        `push ${ms(bg.p50)} p50, ${ms(bg.p99)} p99; ${fmt(bg.eventsPerSec)} events/s, ${bg.errors} errors / ${fmt(bg.requests)} pushes; ${fmt(live.pokes)} pokes, ${fmt(live.pulls)} pulls of ${fmt(live.pulledEvents)} events; ${live.reopened} streams reopened`,
        '',
        '',
      ],
      [
        'CPU while sampling under the load, % of one core: app processes 1 and 2, PostgreSQL (this database’s backends), the bench’s clients; the whole machine, % of its cores (other work included)',
        `${live.cpu.processes.map((x) => `${x.toFixed(0)} %`).join(' + ')}, PostgreSQL ${live.cpu.postgres.toFixed(0)} %, clients ${live.cpu.bench.toFixed(0)} %; machine ${live.cpu.machine.toFixed(0)} %`,
        '',
        '',
      ],
      [
        'the probe thread’s own event-loop delay while sampling, p99 (load in a worker thread)',
        ms(live.loopDelayP99),
        '',
        '',
      ],
      [
        `idle: ${fmt(idle.streams)} open subscriptions on one app process (answers’ content-encoding: ${idle.encoding}), server RSS (median of ${idle.seconds} samples, 1 s apart)`,
        `${mib(idle.before.rss)} with none → ${mib(idle.open.rss)}: ${kib(perStream)} a subscription`,
        '',
        '',
      ],
      [
        `idle: its CPU over ${idle.seconds} s (utime + stime, % of one core), ${fmt(idle.pings)} pings sent meanwhile`,
        `${idle.before.cpuPercent.toFixed(2)} % with none → ${idle.open.cpuPercent.toFixed(2)} %: ${cpuPer.toFixed(5)} % a subscription`,
        '',
        '',
      ],
    ],
  };
}
