import { defineConfig } from 'vitest/config';

// Slow statistical tests are tagged with `.slow.test.ts`; they run in CI and with `npm test`,
// and can be skipped locally with `ARCHSIM_FAST=1 npm run test:unit`.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'sim-core/**/*.test.ts'],
    exclude: process.env.ARCHSIM_FAST ? ['**/*.slow.test.ts', '**/node_modules/**'] : ['**/node_modules/**'],
    testTimeout: 120_000,
    pool: 'forks',
  },
});
