/**
 * `Accept-Language`'s tags, best first (by `q`, then order): `fr-SN,fr;q=0.9,en;q=0.5` →
 * `['fr-SN', 'fr', 'en']`. Tags with `q=0` and `*` are dropped.
 */
export function acceptedLanguages(header: string | null): string[] {
  if (!header) return [];
  return header
    .split(',')
    .map((part, i) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), i };
    })
    .filter((l) => l.tag !== '' && l.tag !== '*' && l.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i)
    .map((l) => l.tag);
}

/**
 * The tag to format numbers and dates with: the first requested tag of the chosen language
 * (`en-IN` for English in India, so amounts group as 1,00,000), else the language itself.
 */
export function formatLocaleFor(locale: string, requested: readonly string[]): string {
  for (const tag of requested) {
    if (tag.split(/[-_]/)[0]?.toLowerCase() !== locale) continue;
    try {
      const [canonical] = Intl.getCanonicalLocales(tag.replace('_', '-'));
      if (canonical) return canonical;
    } catch {
      // Not a well-formed tag: try the next one.
    }
  }
  return locale;
}
