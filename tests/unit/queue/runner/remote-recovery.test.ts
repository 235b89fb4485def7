// @vitest-environment node
// A remote upload whose upload/url request the host is still holding when a
// new worker starts (a page woke it, maybe again and again): "sent, answer
// not yet known". Against host-sim with only the clock faked: the URL
// reaches the host once, and the job is found there after the request's
// timeout instead of being sent again.
import { describe, expect, it, vi } from 'vitest';
import { createHostClient } from '../../../../lib/hosts';
import type { HostClient, HostClientDeps } from '../../../../lib/hosts/types';
import { sendWindowMs } from '../../../../lib/queue/drivers/remote';
import { foundNote } from '../../../../lib/queue/runner';
import { createJobStore, type JobStore } from '../../../../lib/queue/store';
import type { HostSim } from '../../../host-sim';
import { hostSimWithFakeClock, runnerOver } from './host-sim-runner';

const hostId = 'vipstream.cc';
const holdMs = 1_500;

let sim: HostSim;
hostSimWithFakeClock({ encodeMs: 60_000 }, (started) => (sim = started));

let keys = 0;
function account() {
  const key = `recoverKey${++keys}`;
  sim.addAccount({ hostId, key });
  const client = (deps: HostClientDeps = {}): HostClient =>
    createHostClient({ id: 'acc1', hostId, apiBase: sim.apiBase(hostId), key }, { backoffMs: 1, ...deps });
  const sent = () => sim.requests.filter((r) => r.query.key === key && r.path.endsWith('/upload/url'));
  return { key, client, sent };
}

/** One service worker: a runner over the shared job database. */
function worker(store: JobStore, client: HostClient) {
  return runnerOver(store, client, hostId);
}

/** A worker stopped mid-request: the request reached the host, the worker never hears back. */
const diesMidRequest: typeof fetch = (input, init) => {
  void globalThis.fetch(input, { ...init, signal: undefined }).catch(() => undefined);
  return new Promise<Response>(() => undefined);
};

const realPause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('a remote upload the host still holds when a new worker recovers', () => {
  it('is never sent again while its request may still be out, and is found on the host after', async () => {
    const a = account();
    const store = createJobStore();
    sim.fault({ kind: 'slow', match: 'upload/url', delayMs: holdMs, times: 1 });
    const url = sim.videoUrl('held-remote', 4096);

    const first = worker(store, a.client({ fetch: diesMidRequest }));
    const queued = await first.enqueueRemote('acc1', url);
    void first.pump();
    await vi.waitFor(() => expect(a.sent()).toHaveLength(1));

    // A page wakes a new worker, twice at once, while the host holds the answer.
    const second = worker(store, a.client());
    await Promise.all([second.recover(), second.recover()]);
    await second.pump();
    await second.poll();
    expect(a.sent()).toHaveLength(1);

    // The host is done: the file exists, but the request's window is still open.
    await vi.waitFor(() => expect(sim.remoteUploads.find((r) => r.url === url)).toBeDefined(), { timeout: 5_000 });
    const third = worker(store, a.client());
    await third.recover();
    await third.pump();
    await third.poll();
    expect(a.sent()).toHaveLength(1);
    expect(await store.get(queued.id)).toMatchObject({ state: 'queued', verify: true });

    // After the window: looked for on the host, found, not sent again.
    vi.setSystemTime(Date.now() + sendWindowMs + 1_000);
    await third.poll();
    const landed = sim.remoteUploads.find((r) => r.url === url)!;
    expect(await store.get(queued.id)).toMatchObject({ state: 'encoding', fileCode: landed.fileCode, note: foundNote });
    expect(a.sent()).toHaveLength(1);
  });

  it('a recovery that starts after this worker sent leaves that send alone', async () => {
    const a = account();
    const store = createJobStore();
    sim.fault({ kind: 'slow', match: 'upload/url', delayMs: holdMs, times: 1 });
    const url = sim.videoUrl('held-own', 4096);
    const runner = worker(store, a.client());
    const queued = await runner.enqueueRemote('acc1', url);
    const pumping = runner.pump();
    await vi.waitFor(() => expect(a.sent()).toHaveLength(1));
    await Promise.all([runner.recover(), runner.recover()]);
    await pumping;
    await realPause(50);
    await runner.pump();
    const landed = sim.remoteUploads.find((r) => r.url === url)!;
    expect(await store.get(queued.id)).toMatchObject({ state: 'encoding', fileCode: landed.fileCode });
    expect(a.sent()).toHaveLength(1);
  });
});
