import { type ChildProcess, spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { freePort } from '@storesync/test-support/ports';

const webDir = fileURLToPath(new URL('../../../apps/web/', import.meta.url));

/**
 * Resident memory of the server, in bytes (it serves from the one process it
 * starts). Read from /proc without blocking: the benchmark's own
 * clients share this event loop, and a synchronous `ps` every 100 ms held it
 * up for several ms each time, which slowed every client figure.
 */
export const rssOf = async (pid: number): Promise<number> => {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
  } catch {
    return 0;
  }
};

export interface BenchServer {
  base: string;
  /** The server process, which serves the requests. */
  pid: number;
  /** Peak RSS seen since the last reset. */
  peakRss(): number;
  resetPeak(): void;
  stop(): void;
}

/**
 * The production build as `pnpm start` serves it (`server.mjs`: the sync doors on Node's
 * http server, the rest through Next.js) on PostgreSQL, with its memory sampled every 100 ms.
 * `env` adds to (or overrides) its environment, `nodeArgs` go to its Node (e.g. `--cpu-prof`);
 * `entry: 'next'` runs plain `next start` instead, for A/B runs against it.
 */
export async function startServer(
  databaseUrl: string,
  options: { env?: Record<string, string>; nodeArgs?: string[]; entry?: 'server' | 'next' } = {},
): Promise<BenchServer> {
  const port = await freePort();
  const entry =
    options.entry === 'next'
      ? [createRequire(`${webDir}package.json`).resolve('next/dist/bin/next'), 'start']
      : ['server.mjs'];
  const child: ChildProcess = spawn(
    process.execPath,
    [...(options.nodeArgs ?? []), ...entry, '-H', '127.0.0.1', '-p', String(port)],
    {
      cwd: webDir,
      // Not `production`: the server refuses dev sign-in there, and the bench signs in with it.
      env: {
        ...process.env,
        NODE_ENV: 'test',
        DATABASE_URL: databaseUrl,
        DEV_LOGIN: '1',
        // Closed-loop devices and a burst of sign-ins are what the rate limits exist to stop.
        RATE_LIMIT_PER_SESSION: '100000000',
        RATE_LIMIT_SIGN_INS_PER_ADDRESS: '100000000',
        RATE_LIMIT_SIGN_INS_PER_ACCOUNT: '100000000',
        NEXT_TELEMETRY_DISABLED: '1',
        ...options.env,
      },
      // BENCH_SERVER_LOG=1: the server's own output (its request log) on this process's.
      stdio: process.env.BENCH_SERVER_LOG ? ['ignore', 'inherit', 'inherit'] : 'ignore',
      detached: true,
    },
  );
  const pid = child.pid ?? 0;
  let peak = 0;
  const sampler = setInterval(async () => {
    peak = Math.max(peak, await rssOf(pid));
  }, 100);
  const base = `http://127.0.0.1:${port}`;
  const stop = () => {
    clearInterval(sampler);
    try {
      process.kill(-pid, 'SIGTERM');
    } catch {
      // Gone already (it failed to start): nothing to stop.
    }
  };
  for (let i = 0; i < 100; i++) {
    if (
      await fetch(base).then(
        (r) => r.ok,
        () => false,
      )
    ) {
      return {
        base,
        pid,
        peakRss: () => peak,
        resetPeak: () => {
          peak = 0;
        },
        stop,
      };
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  stop();
  throw new Error('the server did not come up: run `pnpm build` first');
}
