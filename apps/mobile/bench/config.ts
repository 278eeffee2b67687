import type { BookSize } from './book.ts';

/** `2000x20000` is 2,000 customers and 20,000 entries; `0` leaves the book out. */
function size(name: string, fallback: string): BookSize | null {
  const raw = process.env[name] ?? fallback;
  if (raw === '0') return null;
  const m = /^(\d+)x(\d+)$/.exec(raw);
  if (!m) throw new Error(`${name} must look like 2000x20000 (customers x entries) or 0, not ${raw}`);
  const customers = Number(m[1]);
  if (customers < 10) throw new Error(`${name}: the search needs at least 10 customers`);
  return { customers, entries: Number(m[2]) };
}

/**
 * The sizes of a run, from the environment. A quick look:
 * PHONE_BENCH_RUNS=1 PHONE_BENCH_SCALE=0 pnpm --filter @storesync/mobile bench:phone
 */
export const config = {
  big: size('PHONE_BENCH_BIG', '2000x20000') ?? { customers: 2000, entries: 20_000 },
  tiny: size('PHONE_BENCH_TINY', '20x100') ?? { customers: 20, entries: 100 },
  /** The scaling book; measured `scaleRuns` times after the rounds. */
  scale: size('PHONE_BENCH_SCALE', '5000x100000'),
  runs: Number(process.env.PHONE_BENCH_RUNS ?? 3),
  scaleRuns: Number(process.env.PHONE_BENCH_SCALE_RUNS ?? 1),
  /** The whole run is stopped (and cleaned up) after this long. */
  maxMinutes: Number(process.env.PHONE_BENCH_MAX_MINUTES ?? 45),
  /** Only a run of the default sizes rewrites docs/benchmarks.md. */
  full: !Object.keys(process.env).some(
    (k) => k.startsWith('PHONE_BENCH_') && k !== 'PHONE_BENCH_MAX_MINUTES',
  ),
};
