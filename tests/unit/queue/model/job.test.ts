import { describe, expect, it } from 'vitest';
import { jobSchema, parseJob, patchJob, type Job } from '../../../../lib/queue/model/job';
import { driverFor } from '../../../../lib/queue/drivers';
import { fileDriver } from '../../../../lib/queue/drivers/file';
import { relayDriver } from '../../../../lib/queue/drivers/relay';
import { remoteDriver } from '../../../../lib/queue/drivers/remote';
import { job } from '../fakes';

// The job schema is a union by kind: each field lives on the kinds it means
// something for, and the drivers are looked up by the same kinds.

const file = { name: 'a.mp4', size: 10, type: 'video/mp4', lastModified: 1 };

describe('the job schema, by kind', () => {
  it('takes each kind with its own fields', () => {
    expect(parseJob(job({ id: 'r', kind: 'remote', waiting: 'host' })).success).toBe(true);
    expect(parseJob(job({ id: 'f', kind: 'file', file, bytesSent: 1, speed: 2 })).success).toBe(true);
    expect(parseJob(job({ id: 'y', kind: 'relay', phase: 'download', bytesTotal: 9 })).success).toBe(true);
    expect(parseJob(job({ id: 'm', group: { id: 'g', index: 2 } })).success).toBe(true);
  });

  it.each([
    ['a remote job with a file', { kind: 'remote', file }],
    ['a remote job with upload bytes', { kind: 'remote', bytesSent: 5 }],
    ['a remote job with a relay phase', { kind: 'remote', phase: 'upload' }],
    ['a file job with a URL', { kind: 'file', url: 'https://src.test/v.mp4' }],
    ['a file job waiting for the host', { kind: 'file', waiting: 'host' }],
    ['a relay with a file', { kind: 'relay', file }],
    ['any job with a stored mirror parent', { kind: 'remote', parentId: 'p' }],
    ['any job listing children', { kind: 'remote', childIds: ['a'] }],
  ] as [string, Record<string, unknown> & { kind: Job['kind'] }][])('refuses %s', (_what, fields) => {
    const parsed = jobSchema.safeParse(job({ id: 'x', ...fields }));
    expect(parsed.success).toBe(false);
  });

  it('refuses a job missing what its kind needs, and a kind that is no job (a mirror is a group)', () => {
    expect(jobSchema.safeParse({ ...job({ id: 'r' }), url: undefined }).success).toBe(false);
    expect(jobSchema.safeParse({ ...job({ id: 'f', kind: 'file' }), file: undefined }).success).toBe(false);
    expect(jobSchema.safeParse({ ...job({ id: 'm' }), kind: 'mirror' }).success).toBe(false);
  });

  it('lets a change clear a field its kind lacks, but never set one', () => {
    const remote = job({ id: 'r', kind: 'remote' });
    expect(patchJob(remote, { speed: undefined, state: 'sending' })).toEqual({ ...remote, state: 'sending' });
    expect(() => patchJob(remote, { speed: 3 })).toThrow(/remote job has no field "speed"/);
  });
});

describe('drivers', () => {
  it('has one for each kind, found by the job’s kind (adding a kind is adding its schema member and its driver)', () => {
    const of = (kind: Job['kind']) => driverFor(job({ id: kind, kind }));
    expect(of('remote')).toBe(remoteDriver);
    expect(of('file')).toBe(fileDriver);
    expect(of('relay')).toBe(relayDriver);
  });
});
