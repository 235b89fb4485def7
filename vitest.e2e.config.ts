import { defineConfig } from 'vitest/config';

// e2e drives the built extension in Debian Chromium: one file at a time,
// since each test file launches its own browser.
export default defineConfig({
  test: {
    include: ['tests/e2e/chromium/**/*.test.ts'],
    environment: 'node',
    testTimeout: 90_000,
    hookTimeout: 90_000,
    fileParallelism: false,
  },
});
