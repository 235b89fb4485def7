import { describe, expect, it } from 'vitest';
import fixture from '../../../fixtures/jobs/job-records-v4.json';
import { jobRecordVersion } from '../../../../lib/queue/store/db';
import { decodeRecord } from '../../../../lib/queue/store/record';
import { createJobStore } from '../../../../lib/queue/store';
import { dbRecords, seedRecords } from './db-helpers';

// Record version 4 to 5: relays may name a stream. Version 4 records read as
// they are; a version 5 stream relay is one no older build may take.

const record = (id: string) => fixture.records.find((r) => r.id === id)!;

describe('job records version 4 to 5 (relays may name a stream)', () => {
  it('is version 5', () => {
    expect(jobRecordVersion).toBe(5);
  });

  it('reads every version 4 record as it was, without a stream', () => {
    for (const id of ['y1', 'y2', 'r1']) {
      const { v: _v, ...fields } = record(id);
      const decoded = decodeRecord(record(id));
      expect(decoded).toEqual({ job: fields });
      expect((decoded as { job: object }).job).not.toHaveProperty('stream');
    }
  });

  it('refuses a version 4 record naming a stream: no version 4 build wrote one', () => {
    expect(decodeRecord(record('bad4'))).toEqual({ id: 'bad4', problem: expect.stringMatching(/stream: a version 4 record has no such field/) });
  });

  it('reads a version 5 stream relay, and a version 3 record through both steps', () => {
    const { v: _v, ...fields } = record('bad4');
    expect(decodeRecord({ ...fields, v: 5 })).toEqual({ job: { ...fields } });
    const { v: _v1, group: _g, ...remote } = record('r1');
    expect(decodeRecord({ ...remote, v: 3 })).toEqual({ job: remote });
  });

  it('leaves a record of a newer build alone', () => {
    expect(decodeRecord({ ...record('y1'), v: 6 })).toEqual({ id: 'y1', problem: expect.stringMatching(/newer VidRelay \(record version 6\)/) });
  });

  it('a store over version 4 records reads them and writes them back as version 5 only when they change', async () => {
    await seedRecords(fixture.records.filter((r) => r.id !== 'bad4'));
    const store = createJobStore();
    await store.ready();
    expect(await store.get('y1')).toMatchObject({ kind: 'relay', phase: 'download', bytesSent: 512 });
    expect((await dbRecords()).y1).toMatchObject({ v: 4 });
    await store.update('y2', (job) => ({ ...job, note: 'seen' }));
    expect((await dbRecords()).y2).toMatchObject({ v: 5, note: 'seen' });
  });
});
