import { afterAll, afterEach, beforeAll, beforeEach, vi } from 'vitest';
import { startHostSim, type HostSim } from '../../host-sim';

/**
 * One host simulator for a test file, with only the clock faked (the
 * simulator's sockets and the fetches need real timers); faults are cleared
 * after each test. `use` receives the simulator once it listens.
 */
export function hostSimWithFakeClock(options: Parameters<typeof startHostSim>[0], use: (sim: HostSim) => void, now = 1_700_000_000_000): void {
  let sim: HostSim | undefined;
  beforeAll(async () => {
    sim = await startHostSim(options);
    use(sim);
  });
  afterAll(async () => {
    await sim?.close();
  });
  beforeEach(() => vi.useFakeTimers({ toFake: ['Date'], now }));
  afterEach(() => {
    vi.useRealTimers();
    sim?.clearFaults();
  });
}
