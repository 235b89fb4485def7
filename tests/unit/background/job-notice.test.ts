import { describe, expect, it } from 'vitest';
import { jobNotice } from '../../../lib/background/notices/job-notice';
import { deriveGroup } from '../../../lib/queue/model/group';
import type { Job } from '../../../lib/queue/model/job';

const base = { accountId: 'a', options: {}, createdAt: 1, updatedAt: 1, attempts: 0, url: 'https://src.example/v.mp4' } as const;
const member = (id: string, index: number, accountId: string, state: Job['state'], watch?: string): Job => ({
  ...base,
  id,
  kind: 'remote',
  accountId,
  state,
  group: { id: 'm', index },
  ...(watch ? { links: { watch } } : {}),
});

describe('jobNotice', () => {
  it('lists every account link of a finished mirror', () => {
    const mirror = deriveGroup('m', [member('c1', 0, 'a', 'ready', 'https://one.example/x'), member('c2', 1, 'b', 'ready', 'https://two.example/y')]);
    const notice = jobNotice(mirror)!;
    expect(notice.title).toBe('Mirror ready');
    expect(notice.message).toBe('2 of 2 accounts ready: https://one.example/x\nhttps://two.example/y');
  });

  it('says how many mirror accounts failed', () => {
    const mirror = deriveGroup('m', [member('c1', 0, 'a', 'ready', 'https://one.example/x'), member('c2', 1, 'b', 'failed')]);
    expect(jobNotice(mirror)).toEqual({ title: 'Mirror finished with errors', message: '1 of 2 accounts ready: https://one.example/x' });
  });

  it('gives a single job its link, or its error', () => {
    const ready: Job = { ...base, id: 'r', kind: 'remote', state: 'ready', title: 'Clip', links: { watch: 'https://h.example/abc' } };
    expect(jobNotice(ready)).toEqual({ title: 'Ready', message: 'Clip is ready: https://h.example/abc' });
    const failed: Job = {
      ...base,
      id: 'f',
      kind: 'file',
      file: { name: 'f.mp4', size: 1, type: 'video/mp4', lastModified: 1 },
      state: 'failed',
      error: { code: 'bandwidth', message: 'Bandwidth used up.' },
    };
    expect(jobNotice(failed)).toEqual({ title: 'Upload failed', message: 'Bandwidth used up.' });
  });

  it('says nothing for jobs still under way', () => {
    const job: Job = { ...base, id: 'q', kind: 'remote', state: 'encoding' };
    expect(jobNotice(job)).toBeUndefined();
  });

  it("words an unconfirmed remote upload itself, in the user's language, not with the English the background stored", () => {
    const job: Job = { ...base, id: 'u1', kind: 'remote', state: 'failed', error: { code: 'unconfirmed', message: 'FileMoon took the URL, but …' } };
    expect(jobNotice(job)?.message).toMatch(/^The host took the URL, but VidRelay could not learn which file it made\./);
  });
});
