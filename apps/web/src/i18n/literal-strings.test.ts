import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findLiterals } from './literal-strings';

const SRC = fileURLToPath(new URL('..', import.meta.url));

const tsxUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return tsxUnder(path);
    return entry.name.endsWith('.tsx') && !entry.name.includes('.test.') ? [path] : [];
  });

describe('findLiterals', () => {
  it('finds JSX text, string children and user-facing props, not the brand or code', () => {
    const found = findLiterals(
      'x.tsx',
      `export const A = ({ t, n }) => (
        <div className="card" data-testid="balance" title="Edit">
          StoreSync
          <p>Nobody owes you</p>
          <button aria-label={\`Delete sale of \${n}\`} type="button">{'Walk-in'}</button>
          <input placeholder={n ? 'Name' : t('x')} inputMode="decimal" />
          <Field label={t('dashboard.forms.name')} hint="Optional" />
          <span>{t('ok')} · {n}</span>
        </div>
      );`,
    );
    expect(found.map((f) => `${f.where}:${f.text}`)).toEqual([
      'title:Edit',
      'text:Nobody owes you',
      'aria-label:Delete sale of',
      'child:Walk-in',
      'placeholder:Name',
      'hint:Optional',
    ]);
  });
});

describe('the dashboard’s TSX', () => {
  it('has no user-visible string literal: every word comes from @storesync/i18n', () => {
    const files = [...tsxUnder(join(SRC, 'app')), ...tsxUnder(join(SRC, 'components'))];
    expect(files.length).toBeGreaterThan(30);
    const left = files.flatMap((path) =>
      findLiterals(path, readFileSync(path, 'utf8')).map(
        (f) => `${relative(SRC, path)}:${f.line} ${f.where} “${f.text}”`,
      ),
    );
    expect(left).toEqual([]);
  });
});
