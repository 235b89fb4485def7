import { describe, expect, it } from 'vitest';
import { jobNotice } from '../../../lib/background/job-notice';
import type { Job } from '../../../lib/queue/job';

const base = { accountId: 'a', options: {}, createdAt: 1, updatedAt: 1, attempts: 0 } as const;
const child = (id: string, accountId: string, state: Job['state'], watch?: string): Job => ({
  ...base,
  id,
  kind: 'remote',
  accountId,
  state,
  parentId: 'm',
  ...(watch ? { links: { watch } } : {}),
});

describe('jobNotice', () => {
  it('lists every account link of a finished mirror', () => {
    const parent: Job = { ...base, id: 'm', kind: 'mirror', state: 'ready', childIds: ['c1', 'c2'] };
    const jobs = [parent, child('c1', 'a', 'ready', 'https://one.example/x'), child('c2', 'b', 'ready', 'https://two.example/y')];
    const notice = jobNotice(parent, jobs)!;
    expect(notice.title).toBe('Mirror ready');
    expect(notice.message).toBe('2 of 2 accounts ready: https://one.example/x\nhttps://two.example/y');
  });

  it('says how many mirror accounts failed', () => {
    const parent: Job = { ...base, id: 'm', kind: 'mirror', state: 'failed', childIds: ['c1', 'c2'] };
    const jobs = [parent, child('c1', 'a', 'ready', 'https://one.example/x'), child('c2', 'b', 'failed')];
    expect(jobNotice(parent, jobs)).toEqual({ title: 'Mirror finished with errors', message: '1 of 2 accounts ready: https://one.example/x' });
  });

  it('gives a single job its link, or its error', () => {
    const ready: Job = { ...base, id: 'r', kind: 'remote', state: 'ready', title: 'Clip', links: { watch: 'https://h.example/abc' } };
    expect(jobNotice(ready, [ready])).toEqual({ title: 'Ready', message: 'Clip is ready: https://h.example/abc' });
    const failed: Job = { ...base, id: 'f', kind: 'file', state: 'failed', error: { code: 'bandwidth', message: 'Bandwidth used up.' } };
    expect(jobNotice(failed, [failed])).toEqual({ title: 'Upload failed', message: 'Bandwidth used up.' });
  });

  it('says nothing for jobs still under way', () => {
    const job: Job = { ...base, id: 'q', kind: 'remote', state: 'encoding' };
    expect(jobNotice(job, [job])).toBeUndefined();
  });
});
