import { describe, expect, it } from 'vitest';
import { deriveGroup, entriesOf, groupState, linkedJobs } from '../../../../lib/queue/model/group';
import type { Job } from '../../../../lib/queue/model/job';
import { job } from '../fakes';

// A mirror is derived from its members each time it is read.

const member = (id: string, index: number, fields: Record<string, unknown> = {}): Job =>
  job({ id, group: { id: 'g', index }, accountId: `acc${index}`, createdAt: 10 + index, updatedAt: 20 + index, ...fields });
const ready = (id: string, index: number) => member(id, index, { state: 'ready', fileCode: id, links: { watch: `https://h.test/${id}` } });

describe('deriveGroup', () => {
  it.each([
    [['queued', 'ready'], 'queued'],
    [['uploading', 'queued'], 'sending'],
    [['encoding', 'ready'], 'encoding'],
    [['ready', 'ready'], 'ready'],
    [['ready', 'interrupted'], 'interrupted'],
    [['ready', 'failed'], 'failed'],
    [['failed', 'interrupted'], 'interrupted'],
    [[], 'failed'],
  ] as const)('members %j show as %s', (states, state) => {
    expect(groupState(states)).toBe(state);
  });

  it('lists the ready links in the order the accounts were given, whatever order the members come in', () => {
    const group = deriveGroup('g', [ready('c', 2), member('b', 1, { state: 'encoding' }), ready('a', 0), job({ id: 'other' })]);
    expect(group.members.map((m) => m.id)).toEqual(['a', 'b', 'c']);
    expect(group.links.map((l) => [l.accountId, l.links.watch])).toEqual([
      ['acc0', 'https://h.test/a'],
      ['acc2', 'https://h.test/c'],
    ]);
    expect(group).toMatchObject({ kind: 'mirror', id: 'g', state: 'encoding', progress: 67, accountId: 'acc0', createdAt: 10, updatedAt: 22 });
    expect(group.error).toBeUndefined();
  });

  it('words the first error with how many did not finish, and knows a mirror the user cancelled', () => {
    const failed = member('b', 1, { state: 'failed', error: { code: 'auth', message: 'Bad key.', status: 403 } });
    expect(deriveGroup('g', [ready('a', 0), failed]).error).toEqual({ code: 'auth', message: '1 of 2 mirrors did not finish. Bad key.', status: 403 });
    const cancelled = (id: string, index: number) =>
      member(id, index, { state: 'failed', cancelled: true, error: { code: 'invalid_input', message: 'Cancelled.' } });
    expect(deriveGroup('g', [cancelled('a', 0), cancelled('b', 1)]).cancelled).toBe(true);
    expect(deriveGroup('g', [cancelled('a', 0), failed]).cancelled).toBe(false);
  });

  it('takes the source from its members: a file mirror’s file, a URL mirror’s URL', () => {
    const file = { name: 'Clip.mp4', size: 5, type: 'video/mp4', lastModified: 1 };
    expect(deriveGroup('g', [member('a', 0, { kind: 'file', file })])).toMatchObject({ file, title: 'Clip.mp4', url: undefined });
    expect(deriveGroup('g', [member('a', 0)])).toMatchObject({ url: 'https://src.test/video.mp4', file: undefined });
  });
});

describe('entriesOf', () => {
  it('makes each mirror one row where its first member stands, and offers one link per row', () => {
    const rows = entriesOf([job({ id: 'solo', links: { watch: 'https://h.test/solo' } }), ready('b', 1), job({ id: 'late' }), ready('a', 0)]);
    expect(rows.map((row) => [row.kind, row.id])).toEqual([
      ['remote', 'solo'],
      ['mirror', 'g'],
      ['remote', 'late'],
    ]);
    expect(linkedJobs(rows).map((j) => j.id)).toEqual(['solo', 'a']);
  });
});
