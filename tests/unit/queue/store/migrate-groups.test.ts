import { openDB } from 'idb';
import { describe, expect, it, vi } from 'vitest';
import fixture from '../../../fixtures/jobs/jobs-db-v3.json';
import { jobRecordVersion, jobsDbName } from '../../../../lib/queue/store/db';
import { deriveGroup } from '../../../../lib/queue/model/group';
import { createHistory } from '../../../../lib/queue/history';
import { jobV3toV4, planGroups } from '../../../../lib/queue/store/migrate-groups';
import { createJobStore } from '../../../../lib/queue/store';
import { dbRecords, unreadableRecords, seedOlderLayout } from './db-helpers';

// Record version 3 to 4: mirror parents become groups of their members.
// The fixture is a whole database of the older layout; opening it with
// this build runs the upgrade once, in one transaction.

const seedLayout1 = () => seedOlderLayout(1, fixture.records);

describe('job records version 3 to 4 (mirrors become groups)', () => {
  it('reads the version 3 database: members get their group, whole parents go, nothing the user queued is lost', async () => {
    await seedLayout1();
    const reported: string[] = [];
    const store = createJobStore({ onCorrupt: (entries) => reported.push(...entries.map((e) => e.id)) });
    await store.ready();
    const records = await dbRecords();

    // The URL mirror: both children carry it, in the parent's order; the parent record is gone.
    expect(records.m1).toBeUndefined();
    expect(records.c1).toMatchObject({ v: jobRecordVersion, group: { id: 'm1', index: 0 }, fileCode: 'c1code' });
    expect(records.c2).toMatchObject({ v: jobRecordVersion, group: { id: 'm1', index: 1 }, waiting: 'host' });
    expect(records.c1).not.toHaveProperty('parentId');
    const m1 = deriveGroup('m1', await store.members(['m1']));
    expect(m1).toMatchObject({ kind: 'mirror', state: 'encoding', progress: 50, url: 'https://src.example/trailer.mp4' });
    expect(m1.links.map((l) => l.links.watch)).toEqual(['https://one.example/w/c1code']);

    // The file mirror with a child missing: its child is grouped, the parent is kept whole in `unreadable` and reported.
    expect(records.c3).toMatchObject({ group: { id: 'm2', index: 0 }, options: { title: 'Holiday' } });
    expect(records.m2).toBeUndefined();
    const kept = await unreadableRecords();
    expect(kept.map((k) => [k.key, k.source])).toEqual([['jobs:m2', 'jobs']]);
    expect(kept[0]!.raw).toEqual(fixture.records.find((r) => r.id === 'm2'));
    expect(kept[0]!.problem).toMatch(/c4-gone/);
    expect((await store.corrupted()).map((c) => c.id)).toContain('m2');

    // Jobs of no mirror read through the step as they are read, untouched until written; a field foreign to the kind is dropped.
    expect(records.r1).toMatchObject({ v: 2 });
    expect(await store.get('r1')).toMatchObject({ kind: 'remote', options: { folderId: '7' }, fileCode: 'r1code' });
    expect(await store.get('f1')).not.toHaveProperty('phase');
    expect(await store.get('y1')).toMatchObject({ kind: 'relay', phase: 'download', bytesSent: 512 });

    // The unreadable record is left exactly as it was.
    expect(records.bad).toEqual(fixture.records.find((r) => r.id === 'bad'));

    // History: each mirror one row, every other job one row.
    // (Asked once the search rows are built, where an unreadable record has none: a state filter waits for them.)
    const history = createHistory(store);
    await history.query({ state: 'ready', limit: 1 });
    const page = await history.query({ limit: 10, kinds: ['remote', 'file', 'relay', 'mirror'] });
    expect(page.stored).toBe(5);
    expect((await history.query({ kinds: ['mirror'], limit: 10 })).total).toBe(2);
    expect(page.jobs.map((j) => j.id).sort()).toEqual(['c1', 'c2', 'c3', 'f1', 'r1', 'y1']);
    // Reading every job through the store finds the unreadable one and reports it.
    await store.all();
    expect((await store.corrupted()).map((c) => c.id).sort()).toEqual(['bad', 'm2']);
    expect(reported).toContain('bad');
  });

  it('changes nothing when the upgrade fails half-way, and runs again at the next start', async () => {
    await seedLayout1();
    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw Object.assign(new Error('disk full'), { name: 'QuotaExceededError' });
    });
    await expect(createJobStore().ready()).rejects.toMatchObject({ code: 'storage' });
    put.mockRestore();
    const db = await openDB(jobsDbName);
    try {
      // Still layout 1, parents and children exactly as they were.
      expect(db.version).toBe(1);
      expect(await db.get('jobs', 'm1')).toEqual(fixture.records[0]);
      expect(await db.get('jobs', 'c1')).toMatchObject({ v: 3, parentId: 'm1' });
    } finally {
      db.close();
    }
    await createJobStore().ready();
    expect((await dbRecords()).c1).toMatchObject({ group: { id: 'm1', index: 0 } });
  });

  it('puts a job in one mirror only, and keeps a parent that names no job', () => {
    const [m1, c1] = fixture.records;
    const plan = planGroups([m1, c1, { ...m1, id: 'm3', childIds: ['c1'] }, { ...m1, id: 'm4', childIds: [] }]);
    expect(plan.members.map((m) => [m.id, m.group])).toEqual([['c1', { id: 'm1', index: 0 }]]);
    // m1 lists c2 as well, which is not among these records.
    expect(plan.kept.map((k) => k.id).sort()).toEqual(['m1', 'm3', 'm4']);
    expect(plan.removed).toEqual([]);
    expect(jobV3toV4(m1)).toEqual({ problem: expect.stringMatching(/mirror/) });
  });
});
