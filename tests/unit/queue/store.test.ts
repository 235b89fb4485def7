import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createJobStore, type CorruptJob } from '../../../lib/queue/store';
import { job } from './fakes';

const stored = async () => ((await fakeBrowser.storage.local.get('jobs')) as { jobs?: Record<string, unknown> }).jobs;

afterEach(() => {
  vi.useRealTimers();
});

describe('JobStore', () => {
  it('puts, gets, updates and removes', async () => {
    const store = createJobStore();
    await store.put(job({ id: 'a' }));
    expect(await store.get('a')).toMatchObject({ id: 'a', state: 'queued' });
    await store.update('a', (j) => ({ ...j, state: 'sending' }));
    expect((await stored())?.a).toMatchObject({ state: 'sending' });
    await store.remove('a');
    expect(await store.all()).toEqual([]);
  });

  it('loses nothing when many updates race', async () => {
    const store = createJobStore();
    await Promise.all(Array.from({ length: 25 }, (_, i) => store.put(job({ id: `j${i}` }))));
    await Promise.all(
      Array.from({ length: 25 }, (_, i) => store.update(`j${i}`, (j) => ({ ...j, attempts: j.attempts + 1 }))),
    );
    await Promise.all(Array.from({ length: 25 }, (_, i) => store.update(`j${i}`, (j) => ({ ...j, attempts: j.attempts + 1 }))));
    const all = await store.all();
    expect(all).toHaveLength(25);
    expect(all.every((j) => j.attempts === 2)).toBe(true);
    expect(Object.keys((await stored()) ?? {})).toHaveLength(25);
  });

  it('rejects an update of a missing job and a put that breaks the schema', async () => {
    const store = createJobStore();
    await expect(store.update('nope', (j) => j)).rejects.toMatchObject({ code: 'not_found' });
    await expect(store.put({ ...job({ id: 'x' }), state: 'lost' as never })).rejects.toMatchObject({ code: 'invalid_input' });
    expect(await store.all()).toEqual([]);
  });

  it('keeps corrupted entries out, reports them once, and leaves them in storage', async () => {
    await fakeBrowser.storage.local.set({
      jobs: {
        good: job({ id: 'good' }),
        broken: { id: 'broken', kind: 'remote', state: 'exploded' },
        moved: job({ id: 'other' }),
        junk: 'not a job',
      },
    });
    const reports: CorruptJob[][] = [];
    const store = createJobStore({ onCorrupt: (entries) => reports.push(entries) });
    expect((await store.all()).map((j) => j.id)).toEqual(['good']);
    expect((await store.corrupted()).map((c) => c.id).sort()).toEqual(['broken', 'junk', 'moved']);
    expect((await store.corrupted()).find((c) => c.id === 'broken')?.problem).toMatch(/state/);
    expect(reports).toHaveLength(1);

    await store.put(job({ id: 'new' }));
    const raw = await stored();
    expect(Object.keys(raw ?? {}).sort()).toEqual(['broken', 'good', 'junk', 'moved', 'new']);
    await store.remove('junk');
    expect(Object.keys((await stored()) ?? {})).not.toContain('junk');
  });

  it('survives a stored value that is not a record at all', async () => {
    await fakeBrowser.storage.local.set({ jobs: ['what'] });
    const store = createJobStore();
    expect(await store.all()).toEqual([]);
    expect(await store.corrupted()).toEqual([{ id: '*', problem: expect.stringMatching(/not a record/) }]);
  });

  it('reads a version 1 record written before the optional fields existed', async () => {
    // Fixture: a v1 entry as first shipped, without attempts/options (they default).
    await fakeBrowser.storage.local.set({
      jobs: { old: { id: 'old', kind: 'remote', accountId: 'a', state: 'encoding', url: 'https://x.test/v.mp4', createdAt: 1, updatedAt: 2, fileCode: 'abc' } },
    });
    const [old] = await createJobStore().all();
    expect(old).toMatchObject({ id: 'old', attempts: 0, options: {}, fileCode: 'abc' });
  });

  it('throttles progress-only writes but writes state changes at once', async () => {
    vi.useFakeTimers();
    const store = createJobStore({ throttleMs: 500 });
    await store.put(job({ id: 'p', state: 'uploading', bytesSent: 0 }));
    await store.update('p', (j) => ({ ...j, bytesSent: 10 }), { throttle: true });
    expect((await stored())?.p).toMatchObject({ bytesSent: 0 });
    expect(await store.get('p')).toMatchObject({ bytesSent: 10 });

    await vi.advanceTimersByTimeAsync(500);
    expect((await stored())?.p).toMatchObject({ bytesSent: 10 });

    await store.update('p', (j) => ({ ...j, bytesSent: 20 }), { throttle: true });
    await store.update('p', (j) => ({ ...j, state: 'encoding', fileCode: 'c' }), { throttle: true });
    expect((await stored())?.p).toMatchObject({ state: 'encoding', bytesSent: 20 });
  });

  it('flush writes pending progress', async () => {
    vi.useFakeTimers();
    const store = createJobStore();
    await store.put(job({ id: 'p', state: 'uploading' }));
    await store.update('p', (j) => ({ ...j, bytesSent: 7 }), { throttle: true });
    await store.flush();
    expect((await stored())?.p).toMatchObject({ bytesSent: 7 });
  });

  it('tells watchers about every written change', async () => {
    const store = createJobStore();
    const seen: string[][] = [];
    const unwatch = store.watch((jobs) => seen.push(jobs.map((j) => `${j.id}:${j.state}`)));
    await store.put(job({ id: 'w' }));
    await store.update('w', (j) => ({ ...j, state: 'sending' }));
    await vi.waitFor(() => expect(seen.at(-1)).toEqual(['w:sending']));
    unwatch();
  });
});
