import { type Clock, compareClocks } from './clock.ts';

/**
 * The merge state of one row: a last-write-wins register per field plus the
 * newest delete's clock. A row is deleted exactly when its delete clock is newer
 * than every field clock, so the visible outcome is a function of the set of
 * events, not of their arrival order (a state-based CRDT).
 */
export interface RowState {
  values: Record<string, unknown>;
  clocks: Record<string, Clock>;
  deletedClock: Clock | null;
}

export type Change = { op: 'upsert'; fields: Record<string, unknown> } | { op: 'delete' };

export interface MergeResult {
  applied: boolean;
  state: RowState;
}

export const emptyRowState = (): RowState => ({ values: {}, clocks: {}, deletedClock: null });

const newestFieldClock = (state: RowState): Clock | null => {
  let newest: Clock | null = null;
  for (const c of Object.values(state.clocks)) if (!newest || compareClocks(c, newest) > 0) newest = c;
  return newest;
};

/**
 * The newest clock time in the row's state (any field or the tombstone). A
 * row's `updatedAt` is never behind it, so a client whose clock observes
 * `updatedAt` issues edits that beat every write it has seen.
 */
export function newestClockTime(state: RowState): string | null {
  const newest = newestFieldClock(state);
  const d = state.deletedClock;
  if (!newest) return d ? d[0] : null;
  return d && d[0] > newest[0] ? d[0] : newest[0];
}

/** Whether the row is tombstoned: its delete is newer than every field write. */
export function isDeleted(state: RowState): boolean {
  if (!state.deletedClock) return false;
  const newest = newestFieldClock(state);
  return !newest || compareClocks(state.deletedClock, newest) > 0;
}

/**
 * Applies one change with its clock. An upsert takes each of its fields whose
 * clock it beats (under a tombstone too); a delete applies only when newer than
 * every field clock and any earlier delete. Pure: the input is not modified.
 */
export function mergeChange(state: RowState, change: Change, clock: Clock): MergeResult {
  if (change.op === 'delete') {
    const newest = newestFieldClock(state);
    const beatsFields = !newest || compareClocks(clock, newest) > 0;
    const beatsDelete = !state.deletedClock || compareClocks(clock, state.deletedClock) > 0;
    if (!beatsFields || !beatsDelete) return { applied: false, state };
    return { applied: true, state: { ...state, deletedClock: clock } };
  }
  const values = { ...state.values };
  const clocks = { ...state.clocks };
  let applied = false;
  for (const [field, value] of Object.entries(change.fields)) {
    const current = clocks[field];
    if (current && compareClocks(clock, current) <= 0) continue;
    values[field] = value;
    clocks[field] = clock;
    applied = true;
  }
  return applied
    ? { applied, state: { values, clocks, deletedClock: state.deletedClock } }
    : { applied, state };
}
