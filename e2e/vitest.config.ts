import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: fileURLToPath(new URL('..', import.meta.url)),
    include: ['e2e/**/*.e2e.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    // no retry: a test that fails once is a failure. Tests do not depend on each other's records
    // (names and codes are unique per run, see e2e/unique.ts), and waits are on what the page shows.
  },
});
