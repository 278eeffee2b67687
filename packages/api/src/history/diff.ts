// A row's history from the change log: each applied event's payload is the canonical row
// after the merge, so what an event changed is the difference from the row before it.

/** One field an event changed: its value before and after, and whether that value still stands. */
export interface FieldChange {
  field: string;
  from: unknown;
  to: unknown;
  /** False when a later event changed this field again: this edit was overridden. */
  stands: boolean;
}

/** One applied event of a row, as the history shows it. */
export interface HistoryEntry {
  eventId: number;
  deviceId: string;
  /** `compacted`: the oldest entry left after compaction (sync/compact.ts): the row as it stood then, its earlier changes gone. */
  kind: 'created' | 'edited' | 'deleted' | 'restored' | 'compacted';
  /** When the device made the change (its clock), and when the server received it. */
  editedAt: string;
  receivedAt: string;
  changes: FieldChange[];
}

/** An event as read from `sync_events`, oldest first. */
export interface LoggedEvent {
  eventId: number;
  deviceId: string;
  row: Record<string, unknown>;
  editedAt: string;
  receivedAt: string;
}

/** Equal by content (key order aside), as canonical rows hold JSON. */
function same(a: unknown, b: unknown): boolean {
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return a === b;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((k) => same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

function kindOf(
  before: Record<string, unknown> | null,
  after: Record<string, unknown>,
): HistoryEntry['kind'] {
  if (!before) return 'created';
  const wasDeleted = before.deletedAt != null;
  const isDeleted = after.deletedAt != null;
  if (!wasDeleted && isDeleted) return 'deleted';
  if (wasDeleted && !isDeleted) return 'restored';
  return 'edited';
}

/**
 * The history of one row, newest first: per event, the entity's `fields` whose value differs
 * from the row before it (on creation, those set), marked overridden when a later event changed
 * the same field again; the last change of each field is the value that stands.
 */
export function rowHistory(events: readonly LoggedEvent[], fields: readonly string[]): HistoryEntry[] {
  const entries: HistoryEntry[] = [];
  let before: Record<string, unknown> | null = null;
  for (const e of events) {
    const changes = fields
      .filter((f) => (before ? !same(before[f], e.row[f]) : e.row[f] != null))
      .map((field) => ({ field, from: before?.[field] ?? null, to: e.row[field] ?? null, stands: true }));
    entries.push({
      eventId: e.eventId,
      deviceId: e.deviceId,
      kind: before || !(Number(e.row.rowVersion) > 1) ? kindOf(before, e.row) : 'compacted',
      editedAt: e.editedAt,
      receivedAt: e.receivedAt,
      changes,
    });
    before = e.row;
  }
  // Walking back from the newest, a field's first change met stands; earlier ones were overridden.
  const changedLater = new Set<string>();
  for (const entry of entries.toReversed()) {
    for (const c of entry.changes) {
      c.stands = !changedLater.has(c.field);
      changedLater.add(c.field);
    }
  }
  return entries.reverse();
}
