/** Whether two JSON-like values are equal by content (key order aside); absent is null. */
function same(a: unknown, b: unknown): boolean {
  if (a === undefined || b === undefined) return (a ?? null) === (b ?? null);
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return a === b;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((k) => same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/**
 * The fields of `after` whose value differs from `before` (by content, so a
 * sale's items compare item by item): an edit sends only these, and the fields
 * it leaves out keep their clocks when devices' edits merge.
 */
export function changedFields<T extends Record<string, unknown>>(before: T, after: T): Partial<T> {
  return Object.fromEntries(Object.entries(after).filter(([k, v]) => !same(before[k], v))) as Partial<T>;
}
