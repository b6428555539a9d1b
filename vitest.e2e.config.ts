import { defineConfig } from 'vitest/config';

// Browser tests: the renderer built by `vite build`, served by `vite preview`, driven in Debian's
// Chromium through playwright-core (DEVELOPERS.md). One file at a time: one browser, one server.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    globalSetup: ['test/e2e/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
