import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const APP = fileURLToPath(new URL('..', import.meta.url));

/**
 * `expo export --platform web` with the server the build talks to baked in, as a release build is.
 * `--clear`: Metro's transform cache (shared by every project on the machine) would otherwise keep
 * the server address of an earlier build.
 */
export function exportWebApp(serverUrl: string): string {
  const out = mkdtempSync(join(tmpdir(), 'storesync-mobile-web-'));
  execFileSync('pnpm', ['exec', 'expo', 'export', '--platform', 'web', '--clear', '--output-dir', out], {
    cwd: APP,
    env: { ...process.env, EXPO_PUBLIC_STORESYNC_URL: serverUrl, CI: '1' },
    stdio: 'pipe',
  });
  return out;
}
