import { describe, expect, it } from 'vitest';
import { jobRecordVersion, jobsDbVersion, openJobsDb } from '../../../../lib/queue/store/db';
import { createJobStore } from '../../../../lib/queue/store';
import { job } from '../fakes';
import { dbRecords, seedOlderLayout } from './db-helpers';

// Database layout 2 to 3: the kind indexes are added over the records
// already stored; not one record changes.

const records = [
  job({ id: 'r1', kind: 'remote', createdAt: 10 }),
  job({ id: 'f1', kind: 'file', createdAt: 20 }),
  job({ id: 'l1', kind: 'relay', createdAt: 30 }),
  job({ id: 'f2', kind: 'file', createdAt: 40, group: { id: 'g', index: 0 } }),
  job({ id: 'f3', kind: 'file', createdAt: 41, group: { id: 'g', index: 1 } }),
  job({ id: 'r2', kind: 'remote', createdAt: 50, group: { id: 'h', index: 0 } }),
].map((fields) => ({ ...fields, v: jobRecordVersion }));
// Kept as found: a record of a newer build.
const newer = { ...job({ id: 'n1', kind: 'file', createdAt: 60 }), v: jobRecordVersion + 1, shiny: true };

const seedLayout2 = () => seedOlderLayout(2, [...records, newer]);

describe('job database layout 2 to 3 (kind indexes)', () => {
  it('keeps every record as it was and finds them by kind, mirror members apart', async () => {
    await seedLayout2();
    const db = await openJobsDb();
    expect(db.version).toBe(jobsDbVersion);
    expect(jobsDbVersion).toBe(3);
    const byKind = async (index: 'kindCreated' | 'memberCreated', kind: string) =>
      (await db.getAllFromIndex('jobs', index, IDBKeyRange.bound([kind], [kind, []]))).map((r) => r.id);
    expect(await byKind('kindCreated', 'file')).toEqual(['f1', 'f2', 'f3', 'n1']);
    expect(await byKind('kindCreated', 'remote')).toEqual(['r1', 'r2']);
    expect(await byKind('kindCreated', 'relay')).toEqual(['l1']);
    expect(await byKind('memberCreated', 'file')).toEqual(['f2', 'f3']);
    expect(await byKind('memberCreated', 'remote')).toEqual(['r2']);
    expect(await byKind('memberCreated', 'relay')).toEqual([]);
    db.close();

    expect(await dbRecords()).toEqual(Object.fromEntries([...records, newer].map((r) => [r.id, r])));
    const store = createJobStore();
    const files: string[] = [];
    await store.each((j) => void files.push(j.id), { kind: 'file' });
    // Newest first; the newer build's record is left out and never rewritten.
    expect(files).toEqual(['f3', 'f2', 'f1']);
    const members: string[] = [];
    await store.each((j) => void members.push(j.id), { kind: 'file', members: true });
    expect(members).toEqual(['f3', 'f2']);
    expect((await dbRecords()).n1).toEqual(newer);
  });
});
