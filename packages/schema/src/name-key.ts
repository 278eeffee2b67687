import { searchFold } from './search-fold.ts';

/**
 * A name's sort key for a database without ICU (the phone's SQLite: its `NOCASE` folds only
 * A–Z, so `Émile` sorts after `Zoe`). Compared as plain text, keys order names as Unicode's
 * root collation does for the shop languages' scripts: case and accents aside (`Ella`, `Émile`,
 * `eve`), ligatures and compatibility letters as their letters, a Devanagari nukta letter (ख़)
 * beside its letter. Not a language's own tailoring (Spanish ñ after n, the Urdu alphabet's
 * ٹ after ت): where ICU is at hand (PostgreSQL, `Intl.Collator` in the apps) use that instead.
 * Ties (same key) break on the name, then the id.
 */
export function nameSortKey(name: string): string {
  // The search's fold (search-fold.ts): so the phone's one key both orders names and finds them
  // as the dashboard's search does. Vowel signs stay: they are parts of the letters people type.
  return searchFold(name);
}
