/**
 * A hybrid logical clock for `clientUpdatedAt`. The server resolves conflicts
 * by comparing these timestamps, so a phone whose clock is slow would lose
 * edits it made after seeing someone else's change. The clock therefore never
 * issues a time behind anything this device has issued or seen from the server:
 * each timestamp is the later of the wall clock and one millisecond past the
 * latest time known.
 */
export interface Hlc {
  /** A timestamp for a local change (ISO-8601 UTC, milliseconds), later than any before it. */
  next(): string;
  /** Moves the clock up to a time seen from the server; ignores null and unparsable values. */
  observe(at: string | null | undefined): void;
  /** The latest time issued or observed, to persist; null before the first. */
  current(): string | null;
}

export interface HlcOptions {
  /** The wall clock in epoch milliseconds. */
  now?: () => number;
  /** The persisted `current()` of a previous run. */
  last?: string | null;
}

const parse = (at: string | null | undefined): number => {
  const ms = at ? Date.parse(at) : Number.NaN;
  return Number.isFinite(ms) ? ms : Number.NEGATIVE_INFINITY;
};

/** A clock starting after `last` (the persisted value), on the given wall clock. */
export function createHlc(options: HlcOptions = {}): Hlc {
  const now = options.now ?? Date.now;
  let last = parse(options.last);
  return {
    next() {
      last = Math.max(now(), last + 1);
      return new Date(last).toISOString();
    },
    observe(at) {
      last = Math.max(last, parse(at));
    },
    current: () => (Number.isFinite(last) ? new Date(last).toISOString() : null),
  };
}
