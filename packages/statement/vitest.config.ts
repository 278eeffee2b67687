import { defineConfig } from 'vitest/config';

// CI runs every package's tests at once on 2 cores: the first test of a file, which also pays for
// imports and a fresh database, can take far longer than vitest's default 5 s there.
export default defineConfig({ test: { testTimeout: 60_000, hookTimeout: 120_000 } });
