import { spawn } from 'node:child_process';

/**
 * Holds `flock <path>` (the locks the engineers share: /tmp/web-build.lock, /tmp/mobile-export.lock)
 * until the returned release is called, or this process ends: the lock belongs to a child `flock`
 * that waits on our stdin.
 */
export function holdLock(path: string): Promise<() => void> {
  const child = spawn('flock', [path, 'sh', '-c', 'echo held; read _'], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`flock ${path} ended (${code}) before it was held`)));
    child.stdout.once('data', () => resolve(() => child.stdin.end()));
  });
}
