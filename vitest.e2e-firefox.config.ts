import { defineConfig } from 'vitest/config';

// The Firefox e2e suite drives the built Firefox extension in Debian's
// firefox-esr (puppeteer-core over WebDriver BiDi): one file at a time, since
// each test file launches its own browser.
export default defineConfig({
  test: {
    include: ['tests/e2e/firefox/**/*.test.ts'],
    environment: 'node',
    testTimeout: 90_000,
    hookTimeout: 90_000,
    fileParallelism: false,
  },
});
