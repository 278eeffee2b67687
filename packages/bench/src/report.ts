import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';

export interface Table {
  title: string;
  header: string[];
  rows: string[][];
}

const START = '<!-- bench:start -->';
const END = '<!-- bench:end -->';

export function renderTable(t: Table): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [`**${t.title}**`, '', line(t.header), line(t.header.map(() => '---')), ...t.rows.map(line)].join(
    '\n',
  );
}

/** HEAD, and whether the tree the server was built from had changes not yet committed. */
const commit = () => {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    const changed = execFileSync(
      'git',
      ['status', '--porcelain', '--untracked-files=no', '--', 'apps', 'packages'],
      {
        encoding: 'utf8',
      },
    )
      .split('\n')
      .filter(Boolean).length;
    return changed ? `\`${head}\` plus uncommitted changes to ${changed} files` : `\`${head}\``;
  } catch {
    return 'unknown';
  }
};

/** The report between the bench markers. */
export function renderBlock(tables: Table[], notes: string[]): string {
  return [
    START,
    `Run on ${new Date().toISOString()}, commit ${commit()}, ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}.`,
    '',
    ...tables.flatMap((t) => [renderTable(t), '']),
    ...notes.map((n) => `- ${n}`),
    END,
  ].join('\n');
}

/**
 * Writes the run's tables into docs/benchmarks.md between the bench markers,
 * keeping the hand-written analysis around it.
 */
export function writeReport(path: string, tables: Table[], notes: string[]): string {
  const block = renderBlock(tables, notes);
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
