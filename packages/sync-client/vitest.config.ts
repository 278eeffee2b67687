import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (path: string) => fileURLToPath(new URL(`./src/${path}`, import.meta.url));

export default defineConfig({
  // The package by its own name, so the README's example runs exactly as an app would write it.
  resolve: {
    alias: [
      { find: /^@storesync\/sync-client$/, replacement: src('index.ts') },
      { find: /^@storesync\/sync-client\/sqlite$/, replacement: src('storage/sqlite.ts') },
    ],
  },
  test: { testTimeout: 60_000, hookTimeout: 120_000 },
});
