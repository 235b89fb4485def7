import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createJobStore } from '../../../lib/queue/store';
import type { JobStore } from '../../../lib/queue/store';
import { createRecentJobs, type RecentCopyDeps } from '../../../lib/background/jobs/recent-copy';
import { recentCopyLimit } from '../../../lib/protocol/recent-copy';
import { recentCopyItem } from '../../../lib/background/stored/recent-copy';
import { storedItems } from '../../../lib/background/stored/registry';
import { createUnreadable } from '../../../lib/background/stored/unreadable';
import { job } from '../queue/fakes';

// The popup's newest jobs come from a stored copy only while the job
// database is still opening; the copy follows the database, is corrected
// when it turns out stale, and is never written over when it cannot be read.

/** The store with its readiness held until `open()`: the database "is still opening". */
function heldStore(store: JobStore) {
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const ready = async () => {
    await gate;
    return store.ready();
  };
  return { store: { ...store, ready }, open };
}

/** The copy over the item the background hands it (storage.local's recentJobs). */
const copyOf = (deps: Omit<RecentCopyDeps, 'item'>) => createRecentJobs({ ...deps, item: recentCopyItem });
const unreadable = createUnreadable(storedItems);

const stored = async () =>
  (await fakeBrowser.storage.local.get('recentJobs')).recentJobs as { version: number; data: { limit: number; jobs: { id: string }[] } } | undefined;
const ids = (jobs: { id: string }[]) => jobs.map((j) => j.id);

describe('the copy of the newest jobs', () => {
  it('answers from the copy while the database opens, then from the database, and tells the pages when the copy was stale', async () => {
    const store = createJobStore();
    await store.put(job({ id: 'old', state: 'ready', createdAt: 1 }));
    await store.put(job({ id: 'newer', state: 'ready', createdAt: 2 }));
    // The last worker copied only "old" before it stopped.
    await fakeBrowser.storage.local.set({
      recentJobs: { version: 1, data: { limit: recentCopyLimit, jobs: [job({ id: 'old', state: 'ready', createdAt: 1 })], copiedAt: 1 } },
    });
    const held = heldStore(store);
    const onStale = vi.fn();
    const recent = copyOf({ store: held.store, onStale, delayMs: 5 });

    expect(ids(await recent.list(recentCopyLimit))).toEqual(['old']);
    // Another limit than the copy's goes to the database (and waits for it).
    const deeper = recent.list(50);
    held.open();
    expect(ids(await deeper)).toEqual(['newer', 'old']);
    await recent.settled();
    expect(onStale).toHaveBeenCalledTimes(1);
    expect(ids((await stored())!.data.jobs)).toEqual(['newer', 'old']);
    expect(ids(await recent.list(recentCopyLimit))).toEqual(['newer', 'old']);
  });

  it('says nothing when the copy was right, and copies later changes once per burst', async () => {
    const store = createJobStore();
    await store.put(job({ id: 'a', state: 'ready', createdAt: 1 }));
    const onStale = vi.fn();
    const first = copyOf({ store, onStale, delayMs: 200 });
    await first.settled();
    const writes = vi.fn();
    fakeBrowser.storage.local.onChanged.addListener((changes) => 'recentJobs' in changes && writes());

    const held = heldStore(store);
    const second = copyOf({ store: held.store, onStale, delayMs: 200 });
    expect(ids(await second.list(recentCopyLimit))).toEqual(['a']);
    held.open();
    await second.settled();
    expect(onStale).not.toHaveBeenCalled();
    expect(writes).not.toHaveBeenCalled();

    for (let i = 0; i < 5; i++) await store.put(job({ id: `b${i}`, state: 'queued', createdAt: 10 + i }));
    // The burst is copied once its last change is 200 ms old.
    await vi.waitFor(async () => expect(ids((await stored())!.data.jobs)[0]).toBe('b4'), { timeout: 2_000 });
    await second.settled();
    await first.settled();
    expect(ids((await stored())!.data.jobs)).toEqual(['b4', 'b3', 'b2', 'b1', 'b0', 'a']);
    // Two workers' copies here (each writes once for the burst), never one per change.
    expect(writes.mock.calls.length).toBeGreaterThanOrEqual(1);
    expect(writes.mock.calls.length).toBeLessThanOrEqual(2);
  });

  it('keeps a copy it cannot read as it is, answers from the database, and reports it until it is removed', async () => {
    const store = createJobStore();
    await store.put(job({ id: 'a', state: 'ready', createdAt: 1 }));
    const newer = { version: 7, data: { rows: ['from a newer build'] } };
    await fakeBrowser.storage.local.set({ recentJobs: newer });
    const held = heldStore(store);
    const recent = copyOf({ store: held.store, onStale: () => undefined, delayMs: 5 });

    const answer = recent.list(recentCopyLimit);
    held.open();
    expect(ids(await answer)).toEqual(['a']);
    await store.put(job({ id: 'b', state: 'queued', createdAt: 2 }));
    await recent.settled();
    expect(await stored()).toEqual(newer);
    expect(await unreadable.list()).toMatchObject([{ ref: 'recentJobs', kind: 'recentJobs', problem: { code: 'newer_version', version: 7 } }]);

    expect(await unreadable.remove('recentJobs')).toBe(true);
    await store.put(job({ id: 'c', state: 'queued', createdAt: 3 }));
    await recent.settled();
    expect(ids((await stored())!.data.jobs)).toEqual(['c', 'b', 'a']);
    expect(await unreadable.list()).toEqual([]);
  });
});
