/**
 * The marks a search looks through, as a regex character class body: Latin accents (combining
 * diacritics after NFKD: é, ñ, ç), Arabic-script short vowels (zabar, zer, pesh…), the
 * Devanagari nukta (ख़ finds ख). Written once for JavaScript and for PostgreSQL's regexes.
 */
export const SEARCH_MARKS = '\\u0300-\\u036f\\u064b-\\u065f\\u0670\\u093c';

const MARKS = new RegExp(`[${SEARCH_MARKS}]`, 'gu');

/** Text as a search compares it: compatibility forms split, the marks above dropped, lower case. */
export const searchFold = (s: string): string => s.normalize('NFKD').replace(MARKS, '').toLowerCase();

/**
 * `searchFold` of a text column in PostgreSQL (a fixed SQL fragment: pass a column name, never
 * input). Lower case by ICU's root rules, so letters beyond A–Z fold whatever the database's locale.
 */
export const searchFoldSql = (column: string): string =>
  `lower(regexp_replace(normalize(${column}, NFKD), '[${SEARCH_MARKS}]', '', 'g') COLLATE "und-x-icu")`;
