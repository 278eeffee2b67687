import ts from 'typescript';

/** Words that are the same in every language: the brand, and its one-letter mark. */
export const ALLOWED = new Set(['StoreSync', 'S']);

/** Props a person reads or hears: text that must come from the catalogue. */
export const USER_FACING_PROPS = new Set([
  'title',
  'placeholder',
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'alt',
  'label',
  'hint',
  'message',
  'confirmLabel',
  'name',
  'data-label',
]);

export interface Literal {
  line: number;
  text: string;
  where: string;
}

const hasWords = (text: string) => /\p{L}/u.test(text) && !ALLOWED.has(text.trim());

/** The literal text of a prop's value: `"x"`, `{'x'}`, `{`x ${y}`}` (its literal parts), `{a ? 'x' : 'y'}`. */
function literalsIn(node: ts.Node): string[] {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text];
  if (ts.isTemplateExpression(node))
    return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)];
  if (ts.isConditionalExpression(node)) return [...literalsIn(node.whenTrue), ...literalsIn(node.whenFalse)];
  if (ts.isBinaryExpression(node)) {
    // What can be shown: both sides of `+`, `??` and `||`, the right of `&&`; not a comparison's.
    const op = node.operatorToken.kind;
    if (op === ts.SyntaxKind.AmpersandAmpersandToken) return literalsIn(node.right);
    if (
      op === ts.SyntaxKind.PlusToken ||
      op === ts.SyntaxKind.QuestionQuestionToken ||
      op === ts.SyntaxKind.BarBarToken
    )
      return [...literalsIn(node.left), ...literalsIn(node.right)];
    return [];
  }
  if (ts.isParenthesizedExpression(node)) return literalsIn(node.expression);
  return [];
}

/**
 * The user-visible string literals left in a TSX file: JSX text with letters, string literals
 * given as JSX children (`{'Walk-in'}`), and literals in user-facing props (`title="Edit"`).
 * Recharts' `name` on a `<Bar>` is a legend label, so `name` counts too; an `<input name>` is
 * not text, and none of ours carries one.
 */
export function findLiterals(fileName: string, source: string): Literal[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: Literal[] = [];
  const add = (node: ts.Node, text: string, where: string) => {
    if (hasWords(text))
      found.push({
        line: file.getLineAndCharacterOfPosition(node.getStart()).line + 1,
        text: text.trim(),
        where,
      });
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) add(node, node.text, 'text');
    else if (ts.isJsxExpression(node) && node.expression && ts.isJsxElement(node.parent))
      for (const text of literalsIn(node.expression)) add(node, text, 'child');
    else if (ts.isJsxAttribute(node) && node.initializer) {
      const prop = node.name.getText(file);
      if (USER_FACING_PROPS.has(prop)) {
        const value = ts.isJsxExpression(node.initializer) ? node.initializer.expression : node.initializer;
        for (const text of value ? literalsIn(value) : []) add(node, text, prop);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}
