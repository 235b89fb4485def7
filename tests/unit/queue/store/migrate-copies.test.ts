import { describe, expect, it } from 'vitest';
import fixture from '../../../fixtures/jobs/jobs-record-v4.json';
import { jobRecordVersion } from '../../../../lib/queue/store/db';
import { createJobStore } from '../../../../lib/queue/store';
import { secondCopyNote } from '../../../../lib/queue/model/states';
import { dbRecords, seedRecords } from './db-helpers';

// Record version 4 to 5: `secondCopy` is new and optional, so a version 4
// job reads as it is; one claiming version 4 with that field is refused.

describe('job records version 4 to 5 (second copies)', () => {
  it('reads version 4 jobs as they are, writes version 5, and refuses a version 4 record with a second copy', async () => {
    expect(jobRecordVersion).toBe(5);
    await seedRecords(fixture.records);
    const store = createJobStore();
    await store.ready();

    expect(await store.get('r1')).toMatchObject({ kind: 'remote', state: 'ready', note: 'found-on-host', options: { title: 'Trailer' } });
    expect(await store.get('f1')).toMatchObject({ kind: 'file', state: 'encoding', group: { id: 'g1', index: 0 }, fileCode: 'f1code' });
    expect(await store.get('y1')).toMatchObject({ kind: 'relay', state: 'failed', error: { code: 'network' } });
    expect(await store.get('r1')).not.toHaveProperty('secondCopy');

    await store.all();
    const corrupt = await store.corrupted();
    expect(corrupt.map((c) => c.id)).toEqual(['odd']);
    expect(corrupt[0]!.problem).toMatch(/secondCopy/);

    // Untouched records stay as they were; a job written again is a version 5 record, second copy and all.
    await store.update('f1', (job) => ({ ...job, note: secondCopyNote, secondCopy: { codes: ['f1copy'], removable: false } }));
    await store.flush();
    const records = await dbRecords();
    expect(records.r1).toMatchObject({ v: 4 });
    expect(records.f1).toMatchObject({ v: 5, secondCopy: { codes: ['f1copy'], removable: false } });
    expect(records.odd).toEqual(fixture.records.find((r) => r.id === 'odd'));
  });
});
