import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createJobStore } from '../../../lib/queue/store';
import { job } from './fakes';

// Group commit: what the store promises about when a change is on disk.

const stored = async () => ((await fakeBrowser.storage.local.get('jobs')) as { jobs?: Record<string, { attempts: number }> }).jobs ?? {};

describe('JobStore writes', () => {
  it('writes changes made together in one write, and resolves each only once it is stored', async () => {
    const store = createJobStore();
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    const puts = Array.from({ length: 10 }, (_, i) =>
      store.put(job({ id: `j${i}` })).then(async () => {
        // The caller's own change is on disk by the time its promise resolves.
        expect((await stored())[`j${i}`]).toBeDefined();
      }),
    );
    await Promise.all(puts);
    expect(Object.keys(await stored())).toHaveLength(10);
    expect(set.mock.calls.length).toBeLessThanOrEqual(2);
  });

  it('tells the callers of a failed write, and does not show their change as stored', async () => {
    const store = createJobStore();
    await store.put(job({ id: 'a' }));
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValueOnce(new Error('quota'));
    await expect(store.update('a', (j) => ({ ...j, attempts: 5 }))).rejects.toThrow('quota');
    expect(await store.get('a')).toMatchObject({ attempts: 0 });
    await store.update('a', (j) => ({ ...j, attempts: 1 }));
    expect((await stored()).a).toMatchObject({ attempts: 1 });
  });

  it('sees a change made elsewhere in storage', async () => {
    const store = createJobStore();
    await store.put(job({ id: 'a' }));
    await fakeBrowser.storage.local.set({ jobs: { ...(await stored()), b: job({ id: 'b' }) } });
    await vi.waitFor(async () => expect((await store.all()).map((j) => j.id).sort()).toEqual(['a', 'b']));
    await store.update('a', (j) => ({ ...j, attempts: 2 }));
    expect(Object.keys(await stored()).sort()).toEqual(['a', 'b']);
  });
});
