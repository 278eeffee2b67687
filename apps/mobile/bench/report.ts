import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { renderTable, type Table } from '../../../packages/bench/src/report.ts';
import { ratios, type Spread, spread } from '../../../packages/bench/src/stats.ts';
import type { BookSize } from './book.ts';
import type { InteractionRun, NewPhoneRun } from './phone-runs.ts';

/** Every run of one book. */
export interface BookRuns {
  size: BookSize;
  newPhone: NewPhoneRun[];
  interaction: InteractionRun[];
}

const n = (x: number) => Math.round(x).toLocaleString('en-US');
type Unit = [(x: number) => string, string];
const ms: Unit = [n, 'ms'];
const secs: Unit = [(x) => (x / 1000).toFixed(1), 's'];
const mib: Unit = [(x) => (x / 2 ** 20).toFixed(1), 'MiB'];
const ratio: Unit = [(x) => x.toFixed(2), ''];
/** `median (min–max) unit`, or the one run's value; a dash for no runs. */
const range = (s: Spread, [f, unit]: Unit) =>
  s.runs.length === 0
    ? '—'
    : (s.runs.length > 1 ? `${f(s.median)} (${f(s.min)}–${f(s.max)})` : f(s.median)) + (unit && ` ${unit}`);
const verdict = (s: Spread, ok: (x: number) => boolean) =>
  s.runs.length === 0
    ? ''
    : `${ok(s.median) ? 'met' : 'missed'} (${s.runs.filter(ok).length}/${s.runs.length} runs)`;

const of = (b: BookRuns) => ({
  sync: spread(b.newPhone.map((r) => r.syncMs)),
  longTotal: spread(b.newPhone.map((r) => r.longTaskTotalMs)),
  longest: spread(b.newPhone.map((r) => r.longestTaskMs)),
  heap: spread(b.newPhone.map((r) => r.heapBytes)),
  sale: spread(b.interaction.map((r) => r.saleMs)),
  during: spread(b.interaction.flatMap((r) => r.searchDuringSyncMs)),
  after: spread(b.interaction.map((r) => r.searchAfterSyncMs)),
});

const bookName = (s: BookSize) => `${n(s.customers)} customers / ${n(s.entries)} entries`;

/** Issue 20's targets on the big book, each against what the issue measured. */
export function targets(big: BookRuns, tiny: BookRuns): Table {
  const b = of(big);
  const saleRatio = spread(ratios(b.sale.runs, of(tiny).sale.runs));
  return {
    title: `Targets (issue 20), big book: ${bookName(big.size)}`,
    header: ['figure', 'when issue 20 was filed', 'this run: median (min–max)', 'target', ''],
    rows: [
      [
        'new phone: sign-in to “Up to date”',
        '21.6 s',
        range(b.sync, secs),
        '< 5 s',
        verdict(b.sync, (x) => x < 5000),
      ],
      [
        '… its longest main-thread task',
        '',
        range(b.longest, ms),
        '≤ 100 ms',
        verdict(b.longest, (x) => x <= 100),
      ],
      ['… all its long tasks together', '', range(b.longTotal, ms), '', ''],
      [
        'sale: Save tap to the new balance on screen',
        '664 ms',
        range(b.sale, ms),
        '< 150 ms',
        verdict(b.sale, (x) => x < 150),
      ],
      [
        'sale, big ÷ tiny book (run by run)',
        '3.06 (664 ÷ 217 ms)',
        range(saleRatio, ratio),
        '≤ 1.3',
        verdict(saleRatio, (x) => x <= 1.3),
      ],
      [
        'search keystroke to the filtered list, during the sync',
        '0.7–1.2 s',
        range(b.during, ms),
        '< 100 ms',
        verdict(b.during, (x) => x < 100),
      ],
      [
        'search keystroke to the filtered list, after it',
        '',
        range(b.after, ms),
        '< 100 ms',
        verdict(b.after, (x) => x < 100),
      ],
      [
        'JS heap after the sync (main thread, after GC)',
        '',
        range(b.heap, mib),
        '< 60 MiB',
        verdict(b.heap, (x) => x < 60 * 2 ** 20),
      ],
    ],
  };
}

/** Every figure for every book, side by side: how each grows with the book. */
export function byBook(books: BookRuns[]): Table {
  const figs = books.map(of);
  const row = (label: string, pick: (f: ReturnType<typeof of>) => string) => [label, ...figs.map(pick)];
  return {
    title: 'By book size: median (min–max) of each book’s runs',
    header: ['figure', ...books.map((b) => `${bookName(b.size)} (${b.newPhone.length} runs)`)],
    rows: [
      row('sign-in to “Up to date”', (f) => range(f.sync, secs)),
      row('longest main-thread task during it', (f) => range(f.longest, ms)),
      row('all long tasks during it', (f) => range(f.longTotal, ms)),
      row('JS heap after the sync', (f) => range(f.heap, mib)),
      row('sale: Save to new balance', (f) => range(f.sale, ms)),
      row(
        'search keystroke during the sync (samples)',
        (f) => `${range(f.during, ms)} (${f.during.runs.length})`,
      ),
      row('search keystroke after the sync', (f) => range(f.after, ms)),
    ],
  };
}

const START = '<!-- bench-phone:start -->';
const END = '<!-- bench-phone:end -->';

/** HEAD, and how many files under apps/ and packages/ differ from it: what an export or a build is made of. */
export function treeNow(): string {
  try {
    const root = fileURLToPath(new URL('../../../', import.meta.url));
    const git = (...args: string[]) =>
      execFileSync('git', ['-C', root, ...args], { encoding: 'utf8' }).trim();
    const head = git('rev-parse', '--short', 'HEAD');
    const changed = git('status', '--porcelain', '--', 'apps', 'packages').split('\n').filter(Boolean).length;
    return changed ? `\`${head}\` plus uncommitted changes to ${changed} files` : `\`${head}\``;
  } catch {
    return 'unknown';
  }
}

/** The report between this scenario's markers; `tree` is what the app was exported from (`treeNow()` then). */
export function renderBlock(tree: string, tables: Table[], notes: string[]): string {
  return [
    START,
    `Run on ${new Date().toISOString()}, app exported at ${tree}, ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, Debian Chromium.`,
    '',
    ...tables.flatMap((t) => [renderTable(t), '']),
    ...notes.map((x) => `- ${x}`),
    END,
  ].join('\n');
}

/** Replaces the block between this scenario's markers in docs/benchmarks.md; the section's prose stays. */
export function writeBlock(path: string, block: string): boolean {
  const current = readFileSync(path, 'utf8');
  const start = current.indexOf(START);
  const end = current.indexOf(END);
  if (start < 0 || end < start) return false;
  writeFileSync(path, current.slice(0, start) + block + current.slice(end + END.length));
  return true;
}
