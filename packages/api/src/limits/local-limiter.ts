import { metrics } from '../metrics.ts';
import type { LimitRule } from './rules.ts';

/** Past this many keys, a hit first forgets windows that have ended; then the oldest go. */
const MAX_KEYS = 50_000;
/** What a prune leaves at most, so that pruning happens once in many new keys, not at each. */
const PRUNED_TO = MAX_KEYS * 0.9;

/**
 * Fixed windows counted in this process's memory only, for a door anyone may knock on without
 * signing in (the statement page): a hit costs no query and no write, so a guesser from many
 * addresses cannot turn the limiter itself into a load on the database, as the shared counter
 * (limiter.ts, one write per new key) would. The price: with P processes an address gets up
 * to P × `max` a window — still nothing against a 128-bit token.
 */
export class LocalLimiter {
  /** Key → its window: when it ends (epoch ms) and the hits counted in it. */
  private readonly windows = new Map<string, { endsAt: number; hits: number }>();

  constructor(
    private readonly rule: LimitRule,
    /** The rule's label on the refusals metric. */
    private readonly label: string,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Counts one hit of `key`: null while under the limit, else the seconds until its window ends
   * (for Retry-After). Windows start on multiples of the rule's length, as the shared ones do.
   */
  hit(key: string): number | null {
    const now = this.now();
    const length = this.rule.windowSeconds * 1000;
    let w = this.windows.get(key);
    if (!w || w.endsAt <= now) {
      if (!w && this.windows.size >= MAX_KEYS) this.prune(now);
      w = { endsAt: (Math.floor(now / length) + 1) * length, hits: 0 };
      // Re-inserted, so the map stays in order of window start: the oldest are pruned first.
      this.windows.delete(key);
      this.windows.set(key, w);
    }
    w.hits += 1;
    if (w.hits <= this.rule.max) return null;
    metrics.rateLimitRefusals.inc({ rule: this.label });
    return Math.max(1, Math.ceil((w.endsAt - now) / 1000));
  }

  private prune(now: number): void {
    for (const [k, w] of this.windows) if (w.endsAt <= now) this.windows.delete(k);
    for (const k of this.windows.keys()) {
      if (this.windows.size <= PRUNED_TO) break;
      this.windows.delete(k);
    }
  }

  get size(): number {
    return this.windows.size;
  }
}
