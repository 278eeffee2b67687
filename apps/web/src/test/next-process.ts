import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freePort } from '@storesync/test-support/ports';

/** One server process (`server.mjs`, what `pnpm start` runs), watched from its first line of output to its exit. */
export interface NextProcess {
  base: string;
  child: ChildProcess;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  output(): string;
  /** Polls `/health` until it answers. */
  up(): Promise<void>;
  kill(): void;
}

const appDir = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Starts the production build as `pnpm start` does (`node server.mjs`), as the process itself (not under pnpm),
 * so that its signals and exit code are the server's own. `env` replaces variables;
 * an `undefined` value removes one. Needs `next build`.
 */
export async function spawnNextStart(env: Record<string, string | undefined>): Promise<NextProcess> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const childEnv: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NEXTAUTH_URL: base };
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) delete childEnv[name];
    else childEnv[name] = value;
  }
  const child = spawn(process.execPath, ['server.mjs', '-H', '127.0.0.1', '-p', String(port)], {
    cwd: appDir,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const up = async () => {
    for (let i = 0; i < 100 && child.exitCode === null; i++) {
      if (
        await fetch(`${base}/health`).then(
          (r) => r.ok,
          () => false,
        )
      )
        return;
      await new Promise((r) => setTimeout(r, 300));
    }
    throw new Error(`the server did not come up (did \`next build\` run?):\n${output}`);
  };
  const kill = () => {
    if (child.exitCode === null) child.kill('SIGKILL');
  };
  return { base, child, exited, output: () => output, up, kill };
}
