import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { httpDevice, type SyncApi } from '../clients.ts';
import { type Bench, fmt, log } from '../context.ts';
import { newCustomerEvents } from '../events.ts';
import type { Table } from '../report.ts';
import { settle } from '../settle.ts';
import { median } from '../stats.ts';
import { type LoadResult, pacedPush } from './load.ts';

// Issue 22: 1,000 token guesses a second at /s/<token> beside the 50-device load (50 devices in
// 25 stores, a 50-event push each a second, as the load phase) move the pushes' p99 by 10 % at
// most. The guesses come from a process of their own, each from the next of 1,000 addresses
// (behind one trusted proxy hop), so that every guess costs the server a lookup (a guesser from
// one address is refused with 429 after 100 a minute, without one).
const GUESSES_PER_SECOND = Number(process.env.BENCH_GUESSES_PER_SECOND ?? 1_000);
const ADDRESSES = Number(process.env.BENCH_GUESS_ADDRESSES ?? 1_000);
const SECONDS = Number(process.env.BENCH_GUESS_SECONDS ?? 10);
const ROUNDS = Number(process.env.BENCH_GUESS_ROUNDS ?? 3);
export const TARGET_RATIO = 1.1;

interface Guessed {
  sent: number;
  seconds: number;
  statuses: Record<string, number>;
  errors: number;
}

/** Starts the guesser (guesser.mjs); `stop` ends it and returns what it was answered. */
function startGuesser(base: string): { stop(): Promise<Guessed> } {
  const script = fileURLToPath(new URL('./guesser.mjs', import.meta.url));
  const child: ChildProcess = spawn(
    process.execPath,
    [script, base, String(GUESSES_PER_SECOND), String(ADDRESSES)],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let out = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  return {
    async stop() {
      child.kill('SIGTERM');
      await exited;
      return JSON.parse(out) as Guessed;
    },
  };
}

/**
 * Rounds of two runs of the paced 50-device load, one quiet and one with the guesser, their
 * order alternating round by round, the database settled before each; a warm-up round first.
 */
export async function tokenGuesses(b: Bench): Promise<Table> {
  const devices: SyncApi[] = [];
  for (let i = 0; i < 50; i++)
    devices.push(await httpDevice(b.base, `guess-load${i % 25}@example.com`, `g${i}`));
  await Promise.all(devices.map((d) => d.push(newCustomerEvents(50, d.deviceId))));
  const run = async (guessing: boolean): Promise<{ load: LoadResult; guessed: Guessed | null }> => {
    await settle(b.url);
    const guesser = guessing ? startGuesser(b.base) : null;
    const load = await pacedPush(devices, 50, SECONDS, 1000);
    return { load, guessed: (await guesser?.stop()) ?? null };
  };
  const rows: string[][] = [];
  const ratios: number[] = [];
  for (let round = 0; round <= ROUNDS; round++) {
    const order = round % 2 === 0 ? [false, true] : [true, false];
    const [a, b2] = [await run(order[0] ?? false), await run(order[1] ?? true)];
    const quiet = order[0] ? b2 : a;
    const busy = order[0] ? a : b2;
    const g = busy.guessed;
    if (!g) throw new Error('the guessed run has no guesser report');
    const ratio = busy.load.p99 / quiet.load.p99;
    const answered = (status: string) => fmt(g.statuses[status] ?? 0);
    log(
      `token guesses round ${round === 0 ? 'warm-up' : round}: pushes' p99 ${quiet.load.p99.toFixed(0)} ms quiet, ${busy.load.p99.toFixed(0)} ms with ${fmt(g.sent / g.seconds)} guesses/s (${answered('404')} × 404, ${answered('429')} × 429), ×${ratio.toFixed(2)}`,
    );
    if (round === 0) continue;
    const statuses = Object.keys(g.statuses).filter((s) => s !== '404' && s !== '429');
    ratios.push(ratio);
    rows.push([
      String(round),
      `${quiet.load.p50.toFixed(0)} / ${busy.load.p50.toFixed(0)}`,
      quiet.load.p99.toFixed(0),
      busy.load.p99.toFixed(0),
      `×${ratio.toFixed(2)}`,
      fmt(g.sent / g.seconds),
      answered('404'),
      answered('429'),
      statuses.length || g.errors
        ? `${statuses.map((s) => `${answered(s)} × ${s}`).join(', ')} ${g.errors} failed`
        : '0',
      String(quiet.load.errors + busy.load.errors),
    ]);
  }
  const m = median(ratios);
  rows.push([
    'median',
    '',
    '',
    '',
    `×${m.toFixed(2)}`,
    '',
    '',
    '',
    '',
    m <= TARGET_RATIO ? 'target met' : '**target missed**',
  ]);
  return {
    title: `Token guesses beside the 50-device load: ${fmt(GUESSES_PER_SECOND)} guesses/s at /s/<random token> from ${fmt(ADDRESSES)} addresses, pushes' p99 with and without them (${SECONDS} s runs, interleaved), target ≤ ×${TARGET_RATIO.toFixed(2)}`,
    header: [
      'round',
      'p50 quiet / guessed (ms)',
      'p99 quiet (ms)',
      'p99 guessed (ms)',
      'ratio',
      'guesses/s',
      '404',
      '429',
      'other answers',
      'push errors',
    ],
    rows,
  };
}
