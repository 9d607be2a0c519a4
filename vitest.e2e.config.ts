import { defineConfig } from 'vitest/config';

// End-to-end: drives the built extension (.output/chrome-mv3) in Chromium; `npm run test:e2e` builds first.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    pool: 'forks',
    poolOptions: { forks: { singleFork: true } },
  },
});
