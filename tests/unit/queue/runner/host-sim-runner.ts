import { afterAll, afterEach, beforeAll, beforeEach, vi } from 'vitest';
import { startHostSim, type HostSim } from '../../../host-sim';
import type { HostClient, HostId } from '../../../../lib/hosts';
import { createQueueRunner, type QueueRunnerDeps } from '../../../../lib/queue/runner';
import type { JobStore } from '../../../../lib/queue/store';

// The queue against host-sim: one simulator per test file and runners that
// talk to it through one real host client.

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

/** One service worker's runner over `store`, every account answered by `client`; polls and notices go nowhere. */
export function runnerOver(store: JobStore, client: HostClient, hostId: HostId, extra: Partial<QueueRunnerDeps> = {}) {
  const deps: QueueRunnerDeps = {
    store,
    clientFor: async () => client,
    hostIdOf: async () => hostId,
    now: () => Date.now(),
    schedulePoll: () => undefined,
    notify: () => undefined,
    minPollMs: 1_000,
    watchdogMs: 0,
    random: () => 1,
    ...extra,
  };
  return createQueueRunner(deps);
}
