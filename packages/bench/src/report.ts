import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';

export interface Row {
  what: string;
  value: string;
  target?: string;
  verdict?: string;
}

const START = '<!-- bench:start -->';
const END = '<!-- bench:end -->';

export function renderTable(rows: Row[]): string {
  const lines = ['| benchmark | result | target | |', '|---|---|---|---|'];
  for (const r of rows) lines.push(`| ${r.what} | ${r.value} | ${r.target ?? ''} | ${r.verdict ?? ''} |`);
  return lines.join('\n');
}

const commit = () => {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
};

/**
 * Writes the run's table into docs/benchmarks.md between the bench markers,
 * keeping the hand-written analysis around it.
 */
export function writeReport(path: string, rows: Row[], notes: string[]): string {
  const block = [
    START,
    `Run on ${new Date().toISOString()}, commit \`${commit()}\`, ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}. Each figure is the median of the runs after a warm-up.`,
    '',
    renderTable(rows),
    '',
    ...notes.map((n) => `- ${n}`),
    END,
  ].join('\n');
  const current = existsSync(path) ? readFileSync(path, 'utf8') : `# Benchmarks\n\n${START}\n${END}\n`;
  const start = current.indexOf(START);
  const end = current.indexOf(END);
  const next =
    start >= 0 && end > start
      ? current.slice(0, start) + block + current.slice(end + END.length)
      : `${current}\n${block}\n`;
  writeFileSync(path, next);
  return block;
}
