import { describe, expect, it } from 'vitest';
import { createJobStore } from '../../../../lib/queue/store';
import { createHistory } from '../../../../lib/queue/history';
import { job } from '../fakes';
import { historyRecord, seedRecords } from '../store/db-helpers';

async function seeded(n: number) {
  await seedRecords(Array.from({ length: n }, (_, i) => historyRecord(i)));
  const store = createJobStore();
  return { store, history: createHistory(store) };
}

describe('history queries', () => {
  it('counts, filters, searches and pages over every job, newest first', async () => {
    const { history } = await seeded(1_000);
    const all = await history.query({ limit: 50 });
    expect(all).toMatchObject({ total: 1_000, stored: 1_000 });
    expect(all.jobs.map((j) => j.id).slice(0, 2)).toEqual(['h00999', 'h00998']);
    const second = await history.query({ limit: 50, offset: 50 });
    expect(second.jobs[0]?.id).toBe('h00949');

    const holiday = await history.query({ text: 'holiday', limit: 10 });
    expect(holiday.total).toBe(143);
    expect(holiday.jobs.every((j) => j.kind === 'remote' && j.url.includes('Holiday'))).toBe(true);
    const narrow = await history.query({ text: 'holiday failed', accountId: 'acc2', limit: 500 });
    expect(narrow.jobs.every((j) => j.accountId === 'acc2')).toBe(true);
    const failed = await history.query({ state: 'failed', accountId: 'acc2', limit: 500 });
    expect(failed.total).toBe(failed.jobs.length);
    expect(failed.jobs.every((j) => j.state === 'failed' && j.accountId === 'acc2')).toBe(true);
    expect(failed.total).toBe(67);
  });

  it('stays current as the queue writes, and counts a mirror once with its members on its page', async () => {
    const { store, history } = await seeded(10);
    expect((await history.query({ limit: 5 })).total).toBe(10);
    await store.put(job({ id: 'new', url: 'https://src.test/fresh.mp4', createdAt: 99_999 }));
    await store.put(job({ id: 'm1', group: { id: 'm', index: 0 }, createdAt: 99_998, url: 'https://src.test/m.mp4' }));
    await store.put(job({ id: 'm2', group: { id: 'm', index: 1 }, accountId: 'acc2', createdAt: 99_998, url: 'https://src.test/m.mp4' }));
    const page = await history.query({ limit: 2 });
    expect(page.total).toBe(12);
    expect(page.jobs.map((j) => j.id)).toEqual(['new', 'm1', 'm2']);
    // A mirror is found by any member: the account filter by its second account, the state it shows as derived.
    expect((await history.query({ accountId: 'acc2', kinds: ['mirror'], limit: 5 })).jobs.map((j) => j.id)).toEqual(['m1', 'm2']);
    await store.update('m1', (j) => ({ ...j, state: 'ready', fileCode: 'c1', links: { watch: 'https://h.test/c1' } }));
    expect((await history.query({ state: 'ready', kinds: ['mirror'], limit: 5 })).total).toBe(0);
    await store.update('m2', (j) => ({ ...j, state: 'failed', error: { code: 'auth', message: 'Bad key two' } }));
    expect((await history.query({ state: 'failed', kinds: ['mirror'], limit: 5 })).total).toBe(1);
    expect((await history.query({ text: 'bad key two', limit: 5 })).jobs.map((j) => j.id)).toEqual(['m1', 'm2']);
    // Its first member removed, the mirror stands where its next one does, still one row.
    await store.remove('m1');
    expect((await history.query({ kinds: ['mirror'], limit: 5 })).jobs.map((j) => j.id)).toEqual(['m2']);
    expect(await history.finishedBefore(100_000)).toContain('m2');
    await store.update('new', (j) => ({ ...j, state: 'failed', error: { code: 'auth', message: 'Wrong key' } }));
    expect((await history.query({ text: 'wrong key', limit: 5 })).jobs.map((j) => j.id)).toEqual(['new']);
    await store.remove('new');
    expect((await history.query({ limit: 5 })).total).toBe(11);
    expect((await history.query({ kinds: ['mirror'], limit: 5 })).total).toBe(1);
  });

  it('finds finished jobs older than a date, never active ones', async () => {
    const { store, history } = await seeded(20);
    await store.put(job({ id: 'waiting', state: 'queued', createdAt: 1_001 }));
    const ids = await history.finishedBefore(1_010);
    expect(ids).toHaveLength(10);
    expect(ids).not.toContain('waiting');
  });
});
