import { type MessageFormatElement, parse, TYPE } from '@formatjs/icu-messageformat-parser';
import { printAST } from '@formatjs/icu-messageformat-parser/printer.js';
import type { Catalogue, Messages } from './catalogue.ts';

/**
 * The pseudo-locale: English with every letter accented, each message bracketed and ~40 % longer.
 * On a screen it shows at a glance text that escaped the catalogue (plain English), text cut off
 * (a missing `]`) and layouts too tight for longer languages; arguments and plurals still work.
 */
export const PSEUDO_LOCALE = 'en-XA';

const ACCENTED: Record<string, string> = Object.fromEntries(
  [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'].map((c, i) => [
    c,
    [...'áƀçđéƒĝĥíĵķĺɱñóþǫŕšţúṽŵẋýžÁƁÇĐÉƑĜĤÍĴĶĹṀÑÓÞǪŔŠŢÚṼŴẊÝŽ'][i] ?? c,
  ]),
);

const accent = (text: string) => [...text].map((c) => ACCENTED[c] ?? c).join('');

/** Letters a reader sees: literals, and of each plural or select its longest branch. */
export function visible(ast: readonly MessageFormatElement[]): number {
  let n = 0;
  for (const el of ast) {
    if (el.type === TYPE.literal) n += el.value.length;
    else if (el.type === TYPE.plural || el.type === TYPE.select)
      n += Math.max(...Object.values(el.options).map((o) => visible(o.value)));
    else n += 3;
  }
  return n;
}

function accentAll(ast: MessageFormatElement[]): MessageFormatElement[] {
  return ast.map((el) => {
    if (el.type === TYPE.literal) return { ...el, value: accent(el.value) };
    if (el.type === TYPE.plural || el.type === TYPE.select) {
      const options = Object.fromEntries(
        Object.entries(el.options).map(([k, o]) => [k, { ...o, value: accentAll(o.value) }]),
      );
      return { ...el, options } as MessageFormatElement;
    }
    return el;
  });
}

/** One message in the pseudo-locale: `[Ŝéé áĺĺ (#) ~~~~]`. */
export function pseudoMessage(message: string): string {
  const ast = parse(message);
  const pad = '~'.repeat(Math.ceil(visible(ast) * 0.4));
  return `[${printAST(accentAll(ast))}${pad ? ` ${pad}` : ''}]`;
}

function pseudoTree(tree: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(tree).map(([k, v]) => [
      k,
      typeof v === 'string' ? pseudoMessage(v) : pseudoTree(v as Record<string, unknown>),
    ]),
  );
}

/** The whole catalogue in the pseudo-locale, generated from English (so it never drifts). */
export function pseudoCatalogue(source: Messages): Catalogue {
  return pseudoTree(source) as Catalogue;
}
