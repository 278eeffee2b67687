/**
 * What an edit sends: only the fields whose value changed. The fields it leaves out keep their
 * clocks when devices' edits merge, so "changed" must mean changed in content — the same
 * answer on the dashboard and on the phone, whatever order a value's keys were written in.
 */

/**
 * Whether two JSON-like values are equal by content: objects key by key (their order aside),
 * arrays item by item in order (a sale's items), an absent value and `null` alike.
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === undefined || b === undefined || a === null || b === null) return (a ?? null) === (b ?? null);
  if (typeof a !== 'object' || typeof b !== 'object') return a === b;
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameValue(x, b[i]))
    );
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(x), ...Object.keys(y)]);
  return [...keys].every((k) => sameValue(x[k], y[k]));
}

/** The fields of `after` whose value differs by content (`sameValue`) from the same field of `before`. */
export function changedFields<T extends Record<string, unknown>>(before: object, after: T): Partial<T> {
  const old = before as Record<string, unknown>;
  return Object.fromEntries(Object.entries(after).filter(([k, v]) => !sameValue(old[k], v))) as Partial<T>;
}
