import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createJobStore } from '../../../../lib/queue/store';
import { job } from '../fakes';
import { dbRecords, unreadableRecords } from './db-helpers';

// Fixtures of the job store's version 1: one storage.local record `jobs`
// holding every job by id, as WXT wrote it (with its `jobs$` version beside it).

const v1Remote = {
  id: 'r1',
  kind: 'remote',
  accountId: 'acc1',
  state: 'ready',
  url: 'https://src.test/a.mp4',
  options: {},
  createdAt: 10,
  updatedAt: 20,
  attempts: 1,
  fileCode: 'abc',
  links: { watch: 'https://host.test/abc' },
};
// Written before attempts/options existed: they take their defaults.
const v1Bare = { id: 'old', kind: 'remote', accountId: 'a', state: 'encoding', url: 'https://x.test/v.mp4', createdAt: 1, updatedAt: 2, fileCode: 'zz' };
const v1Queued = { ...job({ id: 'q1', url: 'https://src.test/q.mp4' }) };

describe('moving the single storage.local record into the job database', () => {
  it('moves every job, keeps the unreadable ones untouched and reported, then removes the old record', async () => {
    const broken = { id: 'broken', kind: 'remote', state: 'exploded' };
    await fakeBrowser.storage.local.set({
      jobs: { r1: v1Remote, old: v1Bare, q1: v1Queued, broken, moved: { ...v1Remote, id: 'other' }, junk: 'not a job' },
      jobs$: { v: 1 },
    });
    const reported: string[] = [];
    const store = createJobStore({ onCorrupt: (entries) => reported.push(...entries.map((e) => e.id)) });
    expect(await store.ready()).toEqual({ moved: 3, unreadable: 3 });

    expect(Object.keys(await dbRecords()).sort()).toEqual(['old', 'q1', 'r1']);
    expect(await store.get('old')).toMatchObject({ attempts: 0, options: {}, fileCode: 'zz' });
    expect((await store.active()).map((j) => j.id).sort()).toEqual(['old', 'q1']);
    const kept = await unreadableRecords();
    expect(kept.map((k) => k.id).sort()).toEqual(['broken', 'junk', 'moved']);
    expect(kept.find((k) => k.id === 'broken')?.raw).toEqual(broken);
    expect(kept.find((k) => k.id === 'junk')?.raw).toBe('not a job');
    expect((await store.corrupted()).map((c) => c.id).sort()).toEqual(['broken', 'junk', 'moved']);
    expect(await fakeBrowser.storage.local.get(['jobs', 'jobs$'])).toEqual({});
  });

  it('reads the { version: 1, data } envelope too', async () => {
    await fakeBrowser.storage.local.set({ jobs: { version: 1, data: { r1: v1Remote } } });
    const store = createJobStore();
    expect(await store.ready()).toEqual({ moved: 1, unreadable: 0 });
    expect(await store.get('r1')).toMatchObject({ state: 'ready', fileCode: 'abc' });
  });

  it('keeps a value that is not a job record at all, whole', async () => {
    await fakeBrowser.storage.local.set({ jobs: ['what'] });
    const store = createJobStore();
    await store.ready();
    expect((await unreadableRecords()).map((k) => [k.id, k.raw])).toEqual([['*', ['what']]]);
    expect(await store.corrupted()).toEqual([{ id: '*', problem: expect.stringMatching(/not a record/) }]);
  });

  it('keeps the old record when the database write fails, and says so', async () => {
    await fakeBrowser.storage.local.set({ jobs: { r1: v1Remote } });
    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw Object.assign(new Error('disk full'), { name: 'QuotaExceededError' });
    });
    await expect(createJobStore().ready()).rejects.toMatchObject({ code: 'storage' });
    put.mockRestore();
    expect(Object.keys(((await fakeBrowser.storage.local.get('jobs')) as { jobs: object }).jobs)).toEqual(['r1']);
    // The next start tries again and succeeds.
    const store = createJobStore();
    expect(await store.ready()).toEqual({ moved: 1, unreadable: 0 });
  });

  it('does not overwrite a job the database already holds when a cut migration runs again', async () => {
    const store = createJobStore();
    await store.put({ ...v1Queued, state: 'sending', attempts: 1 });
    await fakeBrowser.storage.local.set({ jobs: { q1: v1Queued } });
    expect(await createJobStore().ready()).toEqual({ moved: 0, unreadable: 0 });
    expect((await dbRecords()).q1).toMatchObject({ state: 'sending' });
  });

  it('turns a version 1 mirror into a group of its jobs, and keeps one whose job is missing', async () => {
    const child = (id: string, parentId: string, accountId: string) => ({ ...v1Remote, id, parentId, accountId, fileCode: `${id}code` });
    const parent = (id: string, childIds: string[]) => ({ ...v1Remote, id, kind: 'mirror', fileCode: undefined, links: undefined, childIds });
    await fakeBrowser.storage.local.set({
      jobs: {
        m: parent('m', ['m1', 'm2']),
        m1: child('m1', 'm', 'acc1'),
        m2: child('m2', 'm', 'acc2'),
        p: parent('p', ['p1', 'lost']),
        p1: child('p1', 'p', 'acc1'),
      },
    });
    const store = createJobStore();
    expect(await store.ready()).toEqual({ moved: 3, unreadable: 1 });
    const records = await dbRecords();
    expect(Object.keys(records).sort()).toEqual(['m1', 'm2', 'p1']);
    expect([records.m1?.group, records.m2?.group, records.p1?.group]).toEqual([
      { id: 'm', index: 0 },
      { id: 'm', index: 1 },
      { id: 'p', index: 0 },
    ]);
    const kept = await unreadableRecords();
    expect(kept.map((k) => [k.id, k.problem])).toEqual([['p', expect.stringMatching(/lost/)]]);
  });

  it('moves 20,000 jobs', async () => {
    const many = Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`j${i}`, { ...v1Remote, id: `j${i}`, fileCode: `c${i}`, createdAt: i }]));
    await fakeBrowser.storage.local.set({ jobs: many });
    const store = createJobStore();
    expect(await store.ready()).toEqual({ moved: 20_000, unreadable: 0 });
    expect(await store.count()).toBe(20_000);
  }, 60_000);
});
