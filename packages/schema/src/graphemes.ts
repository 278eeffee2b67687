/**
 * Text length as people see it: grapheme clusters ("characters"), so 👩🏽‍🌾, 🇰🇪 or a letter with
 * its accent count as one and a limit never splits them. `Intl.Segmenter` where the engine has it
 * (browsers, Node, the server); Hermes (the phone) has none, and the fallback below joins only
 * what always belongs to the character before it, so it never counts fewer characters than
 * `Intl.Segmenter` would: a text the phone accepts, the server accepts too.
 */

type SegmenterLike = { segment(s: string): Iterable<unknown> };
type SegmenterCtor = new (locale?: string, options?: { granularity: 'grapheme' }) => SegmenterLike;

const Segmenter = (Intl as unknown as { Segmenter?: SegmenterCtor }).Segmenter;
const segmenter = Segmenter ? new Segmenter(undefined, { granularity: 'grapheme' }) : null;

/** Joins the character before it: combining marks, variation selectors, skin tones, ZWJ, tags. */
const isExtend = (cp: number) =>
  (cp >= 0x0300 && cp <= 0x036f) ||
  (cp >= 0x1ab0 && cp <= 0x1aff) ||
  (cp >= 0x1dc0 && cp <= 0x1dff) ||
  (cp >= 0x20d0 && cp <= 0x20ff) ||
  (cp >= 0xfe00 && cp <= 0xfe0f) ||
  (cp >= 0xfe20 && cp <= 0xfe2f) ||
  (cp >= 0x1f3fb && cp <= 0x1f3ff) ||
  (cp >= 0xe0020 && cp <= 0xe007f) ||
  (cp >= 0xe0100 && cp <= 0xe01ef) ||
  cp === 0x200d;
/** Pictographs a ZWJ joins into one emoji (👨‍👩‍👧, ❤️‍🔥): the Unicode property where the engine knows it. */
const PICTOGRAPHIC = (() => {
  try {
    return /^\p{Extended_Pictographic}$/u;
  } catch {
    return null;
  }
})();
const isPictographic = (ch: string, cp: number) =>
  PICTOGRAPHIC
    ? PICTOGRAPHIC.test(ch)
    : (cp >= 0x1f300 && cp <= 0x1faff) || (cp >= 0x2600 && cp <= 0x26ff) || cp === 0x2764;
const isRegional = (cp: number) => cp >= 0x1f1e6 && cp <= 0x1f1ff;
/** Line breaks and other controls stand alone: nothing joins them. */
const isControl = (cp: number) => cp < 0x20 || (cp >= 0x7f && cp <= 0x9f);

/** The fallback without `Intl.Segmenter`: code points, each extension and ZWJ-emoji joined to its base. */
export function graphemesByRules(s: string): string[] {
  const out: string[] = [];
  let last = -1;
  // A pictograph, its extensions, then one ZWJ: the next pictograph joins it (Unicode's GB11).
  let emoji = 'none' as 'none' | 'pictograph' | 'zwj';
  let regionalOpen = false;
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    const pictograph = isPictographic(ch, cp);
    const joins: boolean =
      out.length > 0 &&
      !isControl(last) &&
      !isControl(cp) &&
      (isExtend(cp) || (emoji === 'zwj' && pictograph) || (regionalOpen && isRegional(cp)));
    if (joins) out[out.length - 1] += ch;
    else out.push(ch);
    regionalOpen = isRegional(cp) && !(joins && regionalOpen);
    emoji =
      cp === 0x200d
        ? emoji === 'pictograph'
          ? 'zwj'
          : 'none'
        : pictograph
          ? 'pictograph'
          : isExtend(cp) && emoji === 'pictograph'
            ? 'pictograph'
            : 'none';
    last = cp;
  }
  return out;
}

/** The characters of a text as people see them. */
export function graphemes(s: string): string[] {
  if (!segmenter) return graphemesByRules(s);
  return Array.from(segmenter.segment(s), (g) => (g as { segment: string }).segment);
}

/** How many characters a text has, as people count them. */
export function graphemeLength(s: string): number {
  // ASCII is one character per code unit: no segmenting needed (most names, every note of digits).
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the whole ASCII range
  if (/^[\x00-\x7f]*$/.test(s)) return s.length;
  return graphemes(s).length;
}

/**
 * A text's code units may be at most this many times its limit in characters: a character is a
 * few units (a flag 4, a skin-toned emoji 4, a family 11), but combining marks could otherwise
 * stack without end on one letter.
 */
export const UNITS_PER_CHARACTER = 12;

/** Whether a text fits a limit of `max` characters (and the code units that bound its size). */
export const fitsLength = (s: string, max: number): boolean =>
  s.length <= max || (s.length <= max * UNITS_PER_CHARACTER && graphemeLength(s) <= max);
