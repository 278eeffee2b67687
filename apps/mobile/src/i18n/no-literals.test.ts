import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { findLiterals } from '../test/ui-literals';

const SRC = join(__dirname, '..');

/**
 * Files another engineer is converting at the same time (the Sales tab, the history rows, the
 * customer picker, the debt form with its due date). Each leaves this list when it takes its words
 * from the catalogue; the list must only shrink.
 */

const tsxFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? tsxFiles(join(dir, e.name)) : e.name.endsWith('.tsx') ? [join(dir, e.name)] : [],
  );

describe('no word of the phone app is written in its TSX', () => {
  it('finds JSX text, text props, dialog options and template children (the checker can fail)', () => {
    const source = `
      const a = <Text>Nobody owes you anything.</Text>;
      const b = <Button label="Add customer" accessibilityLabel={ok ? 'Yes' : t('x')} />;
      const c = <Muted>{\`Deleted \${when}\`}</Muted>;
      ask({ title: 'Delete?', message: t('m'), confirmLabel: \`Switch to \${code}\` });
      const d = <Stack.Screen options={{ title: 'Overdue' }} />;
      const fine = <Text style={{ fontSize: 12 }}>{t('a')}{'—'}{count}StoreSync</Text>;
      const id = <View testID="sync-status" accessibilityRole="button" />;
    `;
    expect(findLiterals('x.tsx', source).map((l) => l.text)).toEqual([
      'Nobody owes you anything.',
      'Add customer',
      'Yes',
      'Deleted',
      'Delete?',
      'Switch to',
      'Overdue',
    ]);
  });

  it('in every screen and component under src', () => {
    const files = tsxFiles(SRC).filter((f) => !f.endsWith('.test.tsx'));
    expect(files.length).toBeGreaterThan(30);
    const left = files
      .flatMap((f) => findLiterals(relative(SRC, f), readFileSync(f, 'utf8')))
      .map((l) => `${l.file}:${l.line} ${JSON.stringify(l.text)}`);
    expect(left).toEqual([]);
  });
});
