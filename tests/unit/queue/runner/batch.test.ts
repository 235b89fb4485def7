import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../lib/errors';
import { createQueueRunner } from '../../../../lib/queue/runner';
import { createJobStore } from '../../../../lib/queue/store';
import type { Job } from '../../../../lib/queue/model/job';
import { fakeHost, type FakeHost } from '../fakes';
import { dbRecords } from '../store/db-helpers';

// A batch of remote uploads with real timers: the rules that must hold while
// the queue runs at full speed (written before sent, limits kept) and the
// work it must not repeat per job.

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const storedJobs = async () => (await dbRecords()) as unknown as Record<string, Job>;

function batchHarness(latencyMs: number) {
  const accounts = ['a', 'b', 'c'];
  const hosts: Record<string, FakeHost> = Object.fromEntries(accounts.map((id) => [id, fakeHost(id)]));
  const inFlight = new Map<string, number>();
  const peak = { overall: 0, perHost: 0 };
  const storedAtSend: string[] = [];
  let hostLookups = 0;
  for (const [id, host] of Object.entries(hosts)) {
    const answer = host.remoteUpload.getMockImplementation()! as (url: string) => Promise<{ fileCode: string }>;
    host.remoteUpload.mockImplementation(async (url: string) => {
      const job = Object.values(await storedJobs()).find((j) => j.kind === 'remote' && j.url === url);
      storedAtSend.push(job?.state ?? 'missing');
      inFlight.set(id, (inFlight.get(id) ?? 0) + 1);
      peak.perHost = Math.max(peak.perHost, inFlight.get(id)!);
      peak.overall = Math.max(
        peak.overall,
        [...inFlight.values()].reduce((x, y) => x + y, 0),
      );
      await sleep(latencyMs);
      inFlight.set(id, inFlight.get(id)! - 1);
      return answer(url);
    });
  }
  const store = createJobStore();
  const runner = createQueueRunner({
    store,
    clientFor: async (id) => {
      const host = hosts[id];
      if (!host) throw new AppError('invalid_input', `no account ${id}`);
      return host.client;
    },
    hostIdOf: async (id) => {
      hostLookups += 1;
      return accounts.includes(id) ? `host-${id}` : undefined;
    },
    now: () => Date.now(),
    schedulePoll: () => undefined,
    notify: () => undefined,
    limits: () => ({ perHost: 2, overall: 4 }),
  });
  return { store, runner, accounts, peak, storedAtSend, lookups: () => hostLookups };
}

describe('a batch of remote uploads', () => {
  it('writes every job to storage as sending before its request, keeps the limits, and uses every slot', async () => {
    const h = batchHarness(20);
    const urls = Array.from({ length: 24 }, (_, i) => `https://src.test/v${i}.mp4`);
    for (const [i, url] of urls.entries()) await h.runner.enqueueRemote(h.accounts[i % 3]!, url);
    await h.runner.pump();

    const jobs = Object.values(await storedJobs());
    expect(jobs.filter((j) => j.state === 'encoding')).toHaveLength(24);
    expect(h.storedAtSend).toHaveLength(24);
    expect(new Set(h.storedAtSend)).toEqual(new Set(['sending']));
    expect(h.peak.perHost).toBe(2);
    expect(h.peak.overall).toBe(4);
  });

  it('does not look every account up again for every job that ends', async () => {
    const h = batchHarness(5);
    for (let i = 0; i < 30; i++) await h.runner.enqueueRemote(h.accounts[i % 3]!, `https://src.test/w${i}.mp4`);
    await h.runner.pump();
    expect((await h.store.all()).every((j) => j.state === 'encoding')).toBe(true);
    // One pump loop and lookups kept briefly: a few per account, not one per account per job per loop.
    expect(h.lookups()).toBeLessThanOrEqual(h.accounts.length * 2);
  });
});
