import { describe, expect, it } from 'vitest';
import { patchAnswer } from '../../../components/hooks/jobFeedPatch';
import { job } from '../queue/fakes';

// What a page takes in place from the job feed, and when it must ask again.

const a = job({ id: 'a', state: 'sending' });
const b = job({ id: 'b', state: 'ready' });
const page = { total: 2, stored: 2, jobs: [a, b] };
const progress = { ...a, bytesSent: 10 } as typeof a;

describe('job feed patch', () => {
  it('puts the changed jobs a page shows in their places, the counts kept', () => {
    const next = patchAnswer('jobs.page', { kinds: ['file'], limit: 50 }, page, { type: 'changed', ids: ['a'], jobs: [progress], removed: [] });
    expect(next).toEqual({ total: 2, stored: 2, jobs: [progress, b] });
    expect(patchAnswer('jobs.list', { limit: 10 }, [a, b], { type: 'changed', ids: ['a'], jobs: [progress], removed: [] })).toEqual([progress, b]);
  });

  it('asks again for a job not shown, a removal, ids alone, a refresh, a search or a state filter', () => {
    const c = job({ id: 'c' });
    expect(patchAnswer('jobs.page', { limit: 50 }, page, { type: 'changed', ids: ['a', 'c'], jobs: [progress, c], removed: [] })).toBeUndefined();
    expect(patchAnswer('jobs.page', { limit: 50 }, page, { type: 'changed', ids: ['a', 'b'], jobs: [progress], removed: ['b'] })).toBeUndefined();
    expect(patchAnswer('jobs.page', { limit: 50 }, page, { type: 'changed', ids: ['a'] })).toBeUndefined();
    expect(patchAnswer('jobs.page', { limit: 50 }, page, { type: 'changed', ids: [], jobs: [], removed: [] })).toBeUndefined();
    expect(patchAnswer('jobs.page', { text: 'clip', limit: 50 }, page, { type: 'changed', ids: ['a'], jobs: [progress], removed: [] })).toBeUndefined();
    expect(patchAnswer('jobs.page', { state: 'sending', limit: 50 }, page, { type: 'changed', ids: ['a'], jobs: [progress], removed: [] })).toBeUndefined();
  });
});
