import { defineConfig } from 'vitest/config';

/** The phone app's end-to-end tests: its web export in Debian's Chromium against the real server. */
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 240_000,
    fileParallelism: false,
  },
});
