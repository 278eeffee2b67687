import ts from 'typescript';

/** Props whose text a person reads or hears: a literal there is an untranslated word. */
export const TEXT_PROPS = new Set([
  'label',
  'title',
  'placeholder',
  'accessibilityLabel',
  'accessibilityHint',
  'message',
  'confirmLabel',
  'otherLabel',
  'question',
  'hint',
  'error',
  'detail',
  'subtitle',
  'headerTitle',
  'tabBarLabel',
]);

/** Words that are the same in every language. */
export const ALLOWED = new Set(['StoreSync']);

export interface Literal {
  file: string;
  line: number;
  text: string;
}

/** Whether a piece of text has a word in it (not only digits, marks or glyphs such as "—" or "‹"). */
const hasWord = (text: string) => /\p{L}{2,}/u.test(text) && !ALLOWED.has(text.trim());

/** The user-visible literals inside an expression: strings, the fixed parts of templates, both sides of ?: and ??. */
function literalsIn(node: ts.Node, out: ts.Node[]): void {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) out.push(node);
  else if (ts.isTemplateExpression(node)) out.push(node);
  else if (ts.isParenthesizedExpression(node)) literalsIn(node.expression, out);
  else if (ts.isConditionalExpression(node)) {
    literalsIn(node.whenTrue, out);
    literalsIn(node.whenFalse, out);
  } else if (ts.isBinaryExpression(node) && /^(\?\?|\|\||&&|\+)$/.test(node.operatorToken.getText()))
    for (const side of [node.left, node.right]) literalsIn(side, out);
}

const textOf = (node: ts.Node): string =>
  ts.isTemplateExpression(node)
    ? [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' ')
    : ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)
      ? node.text
      : node.getText();

/**
 * Every string a person would read that is written in the TSX rather than taken from the
 * catalogue: JSX text, `{'…'}` and `{`…`}` children, and literals given to the text props above
 * (as JSX attributes, or as properties of an object such as `ask({ title: … })` or
 * `options={{ title: … }}`).
 */
export function findLiterals(file: string, source: string): Literal[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: ts.Node[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) {
      if (hasWord(node.text)) found.push(node);
    } else if (ts.isJsxExpression(node) && node.expression && !ts.isJsxAttribute(node.parent)) {
      literalsIn(node.expression, found);
    } else if (ts.isJsxAttribute(node) && TEXT_PROPS.has(node.name.getText()) && node.initializer) {
      if (ts.isStringLiteral(node.initializer)) found.push(node.initializer);
      else if (ts.isJsxExpression(node.initializer) && node.initializer.expression)
        literalsIn(node.initializer.expression, found);
    } else if (ts.isPropertyAssignment(node) && TEXT_PROPS.has(node.name.getText())) {
      literalsIn(node.initializer, found);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found
    .filter((n) => hasWord(textOf(n)))
    .map((n) => ({
      file,
      line: sf.getLineAndCharacterOfPosition(n.getStart()).line + 1,
      text: textOf(n).trim(),
    }));
}
