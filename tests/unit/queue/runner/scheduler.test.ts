import { describe, expect, it } from 'vitest';
import { nextRetryAt, pickNext } from '../../../../lib/queue/runner/scheduler';
import { job } from '../fakes';

const hostOf = { a1: 'media.cm', a2: 'media.cm', b1: 'vipstream.cc', c1: 'watching.vn' };
const limits = { perHost: 2, overall: 4 };
const ids = (jobs: { id: string }[]) => jobs.map((j) => j.id);

describe('pickNext', () => {
  it('starts the oldest first', () => {
    const jobs = [job({ id: 'late', accountId: 'b1', createdAt: 30 }), job({ id: 'early', accountId: 'c1', createdAt: 10 })];
    expect(ids(pickNext(jobs, hostOf, limits, 100))).toEqual(['early', 'late']);
  });

  it('counts accounts of the same host against one per-host limit', () => {
    const jobs = [
      job({ id: 'x', accountId: 'a1', state: 'sending' }),
      job({ id: 'q1', accountId: 'a2', createdAt: 1 }),
      job({ id: 'q2', accountId: 'a1', createdAt: 2 }),
      job({ id: 'q3', accountId: 'b1', createdAt: 3 }),
    ];
    expect(ids(pickNext(jobs, hostOf, limits, 100))).toEqual(['q1', 'q3']);
  });

  it('respects the overall limit, counting uploading jobs but not encoding ones', () => {
    const jobs = [
      job({ id: 'u', accountId: 'a1', state: 'uploading' }),
      job({ id: 'e1', accountId: 'b1', state: 'encoding' }),
      job({ id: 'e2', accountId: 'b1', state: 'encoding' }),
      job({ id: 'q1', accountId: 'b1', createdAt: 1 }),
      job({ id: 'q2', accountId: 'c1', createdAt: 2 }),
      job({ id: 'q3', accountId: 'c1', createdAt: 3 }),
      job({ id: 'q4', accountId: 'b1', createdAt: 4 }),
    ];
    expect(ids(pickNext(jobs, hostOf, { perHost: 2, overall: 3 }, 100))).toEqual(['q1', 'q2']);
  });

  it('gives the overall slots to the hosts with the most waiting, so no host is left to finish alone', () => {
    const jobs = [
      job({ id: 'a-1', accountId: 'a1', createdAt: 1 }),
      job({ id: 'a-2', accountId: 'a1', createdAt: 2 }),
      job({ id: 'b-1', accountId: 'b1', createdAt: 3 }),
      job({ id: 'c-1', accountId: 'c1', createdAt: 4 }),
      job({ id: 'c-2', accountId: 'c1', createdAt: 5 }),
      job({ id: 'c-3', accountId: 'c1', createdAt: 6 }),
      job({ id: 'c-4', accountId: 'c1', createdAt: 7 }),
    ];
    // Strictly oldest first would start a-1, a-2, b-1, c-1 and leave three of c's for the end.
    expect(ids(pickNext(jobs, hostOf, { perHost: 2, overall: 3 }, 100))).toEqual(['a-1', 'c-1', 'c-2']);
  });

  it('skips jobs waiting out a retry delay without blocking the ones behind', () => {
    const jobs = [job({ id: 'wait', accountId: 'b1', createdAt: 1, nextAttemptAt: 500 }), job({ id: 'go', accountId: 'b1', createdAt: 2 })];
    expect(ids(pickNext(jobs, hostOf, limits, 100))).toEqual(['go']);
    expect(ids(pickNext(jobs, hostOf, limits, 500))).toEqual(['wait', 'go']);
  });

  it('never starts finished jobs', () => {
    const jobs = [job({ id: 'f', accountId: 'a1', state: 'failed' }), job({ id: 'i', accountId: 'a1', state: 'interrupted' })];
    expect(pickNext(jobs, hostOf, limits, 100)).toEqual([]);
  });

  it('treats an account with no known host as a host of its own', () => {
    const jobs = [job({ id: 's', accountId: 'zz', state: 'sending' }), job({ id: 'q', accountId: 'zz', createdAt: 2 })];
    expect(ids(pickNext(jobs, hostOf, { perHost: 1, overall: 4 }, 100))).toEqual([]);
    expect(ids(pickNext(jobs, hostOf, { perHost: 2, overall: 4 }, 100))).toEqual(['q']);
  });

  it('breaks ties in creation time by id so the order is stable', () => {
    const jobs = [job({ id: 'b', accountId: 'c1' }), job({ id: 'a', accountId: 'c1' })];
    expect(ids(pickNext(jobs, hostOf, limits, 100))).toEqual(['a', 'b']);
  });
});

describe('nextRetryAt', () => {
  it('is the earliest future retry among queued jobs', () => {
    const jobs = [
      job({ id: '1', nextAttemptAt: 900 }),
      job({ id: '2', nextAttemptAt: 400 }),
      job({ id: '3', nextAttemptAt: 50 }),
      job({ id: '4', state: 'failed', nextAttemptAt: 200 }),
    ];
    expect(nextRetryAt(jobs, 100)).toBe(400);
    expect(nextRetryAt([job({ id: '5' })], 100)).toBeUndefined();
  });
});
