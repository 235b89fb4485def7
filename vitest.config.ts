import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/host-sim/**/*.test.ts'],
    environment: 'happy-dom',
    testTimeout: 20_000,
    // One worker per core (vitest leaves one core to itself by default): its own process only
    // collects results, and on CI's two cores the suite then takes about half the time.
    maxWorkers: availableParallelism(),
    setupFiles: ['tests/unit/setup.ts'],
    // setImmediate stays real: fake-indexeddb runs its transactions on it.
    fakeTimers: { toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] },
  },
});
