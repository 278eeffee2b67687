import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '~': fileURLToPath(new URL('./src', import.meta.url)) } },
  // expect.poll's 1 s default is too short for a page on a loaded CI machine.
  test: { testTimeout: 60_000, hookTimeout: 120_000, expect: { poll: { timeout: 15_000 } } },
});
