import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/host-sim/**/*.test.ts'],
    environment: 'happy-dom',
    testTimeout: 20_000,
    setupFiles: ['tests/unit/setup.ts'],
    // setImmediate stays real: fake-indexeddb runs its transactions on it.
    fakeTimers: { toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] },
  },
});
