export const median = (xs: number[]): number => percentile(xs, 50);

/** Nearest-rank percentile. */
export function percentile(xs: number[], p: number): number {
  if (xs.length === 0) return Number.NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

/** Runs `fn` once to warm up, then `runs` times; returns each run's result. */
export async function repeat<T>(runs: number, fn: () => Promise<T>): Promise<T[]> {
  await fn();
  const out: T[] = [];
  for (let i = 0; i < runs; i++) out.push(await fn());
  return out;
}

/**
 * Runs the figures in rounds, each round every figure once in the given order
 * (A B C A B C …), after one warm-up round that is not kept unless `warmup`
 * is false. A figure and its ceiling measured this way see the same machine:
 * on 2 cores shared with other work, a ceiling measured once, first, can be
 * off by half.
 */
export async function interleave<K extends string>(
  runs: number,
  figures: Record<K, () => Promise<number>>,
  options: { warmup?: boolean; onRound?: (round: number, values: Record<NoInfer<K>, number>) => void } = {},
): Promise<Record<K, number[]>> {
  const keys = Object.keys(figures) as K[];
  const out = Object.fromEntries(keys.map((k) => [k, [] as number[]])) as Record<K, number[]>;
  const first = options.warmup === false ? 1 : 0;
  for (let round = first; round <= runs; round++) {
    const values = {} as Record<K, number>;
    for (const k of keys) values[k] = await figures[k]();
    options.onRound?.(round, values);
    if (round > 0) for (const k of keys) out[k].push(values[k]);
  }
  return out;
}

/** Each run's a ÷ b: the ratio of two figures taken in the same round. */
export const ratios = (a: number[], b: number[]): number[] => a.map((x, i) => x / (b[i] ?? Number.NaN));

/** Median and range of a figure's runs. */
export interface Spread {
  median: number;
  min: number;
  max: number;
  runs: number[];
}

export const spread = (runs: number[]): Spread => ({
  median: median(runs),
  min: Math.min(...runs),
  max: Math.max(...runs),
  runs,
});

/** Events per second of `count` events done by `fn`. */
export async function rate(count: number, fn: () => Promise<void>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return count / ((performance.now() - t0) / 1000);
}
