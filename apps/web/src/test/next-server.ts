import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '@storesync/test-support/ports';

const appDir = fileURLToPath(new URL('../..', import.meta.url));

export interface NextServer {
  base: string;
  stop(): void;
}

/**
 * Starts the production build as `pnpm start` runs it (`server.mjs`) on
 * 127.0.0.1 with an embedded database in a fresh folder (or `env.DATABASE_URL`).
 * Needs `next build`.
 */
export async function startNextServer(env: Record<string, string> = {}): Promise<NextServer> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'storesync-e2e-'));
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    DEV_LOGIN: '1',
    DATA_DIR: dataDir,
    PORT: String(port),
    // next-auth builds its redirects and cookie names from this.
    NEXTAUTH_URL: base,
    NEXT_TELEMETRY_DISABLED: '1',
    // Every test client is 127.0.0.1: limits by address are for tests that set them.
    RATE_LIMIT_SIGN_INS_PER_ADDRESS: '10000',
    RATE_LIMIT_FAILED_AUTHS_PER_ADDRESS: '10000',
    ...env,
  };
  // The embedded database, unless the test names a PostgreSQL one (e.g. two processes sharing it).
  if (!env.DATABASE_URL) delete childEnv.DATABASE_URL;
  // Its own process group, so that stopping it stops everything it started.
  const child: ChildProcess = spawn(process.execPath, ['server.mjs', '-H', '127.0.0.1'], {
    cwd: appDir,
    env: childEnv,
    stdio: 'ignore',
    detached: true,
  });
  const stop = () => {
    if (child.pid) process.kill(-child.pid, 'SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  };
  for (let i = 0; i < 100; i++) {
    const up = await fetch(base).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return { base, stop };
    await new Promise((r) => setTimeout(r, 300));
  }
  stop();
  throw new Error('the server did not come up (did `next build` run?)');
}
