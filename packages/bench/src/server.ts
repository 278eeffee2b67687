import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const webDir = fileURLToPath(new URL('../../../apps/web/', import.meta.url));

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

/** Resident memory of the server's process group, in bytes. */
const groupRss = (pgid: number): number => {
  try {
    const out = execFileSync('ps', ['-o', 'rss=', '-g', String(pgid)], { encoding: 'utf8' });
    return out.split('\n').reduce((sum, l) => sum + (Number(l.trim()) || 0), 0) * 1024;
  } catch {
    return 0;
  }
};

export interface BenchServer {
  base: string;
  /** Peak RSS seen since the last reset. */
  peakRss(): number;
  resetPeak(): void;
  stop(): void;
}

/** The production build (`next start`) on PostgreSQL, with its memory sampled every 100 ms. */
export async function startServer(databaseUrl: string): Promise<BenchServer> {
  const port = await freePort();
  const next = createRequire(`${webDir}package.json`).resolve('next/dist/bin/next');
  const child: ChildProcess = spawn(
    process.execPath,
    [next, 'start', '-H', '127.0.0.1', '-p', String(port)],
    {
      cwd: webDir,
      env: { ...process.env, DATABASE_URL: databaseUrl, DEV_LOGIN: '1', NEXT_TELEMETRY_DISABLED: '1' },
      stdio: 'ignore',
      detached: true,
    },
  );
  const pgid = child.pid ?? 0;
  let peak = 0;
  const sampler = setInterval(() => {
    peak = Math.max(peak, groupRss(pgid));
  }, 100);
  const base = `http://127.0.0.1:${port}`;
  const stop = () => {
    clearInterval(sampler);
    process.kill(-pgid, 'SIGTERM');
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
        peakRss: () => peak,
        resetPeak: () => {
          peak = groupRss(pgid);
        },
        stop,
      };
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  stop();
  throw new Error('next start did not come up: run `pnpm build` first');
}
