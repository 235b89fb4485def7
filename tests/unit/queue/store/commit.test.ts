import { describe, expect, it, vi } from 'vitest';
import { createJobStore } from '../../../../lib/queue/store';
import { jobRecordVersion } from '../../../../lib/queue/store/db';
import { job } from '../fakes';
import { dbRecords, seedRecords } from './db-helpers';

// Group commit: what the store promises about when a change is on disk, and what one change costs.

describe('JobStore writes', () => {
  it('writes changes made together in one transaction, and resolves each only once it is stored', async () => {
    const store = createJobStore();
    await store.ready();
    const puts = Array.from({ length: 10 }, (_, i) =>
      store.put(job({ id: `j${i}` })).then(async () => {
        // The caller's own change is on disk by the time its promise resolves.
        expect((await dbRecords())[`j${i}`]).toBeDefined();
      }),
    );
    await Promise.all(puts);
    expect(Object.keys(await dbRecords())).toHaveLength(10);
    // New ids are looked up first (nothing unread is overwritten), so a few transactions, never one per put.
    expect(store.stats().transactions).toBeLessThanOrEqual(4);
  });

  it('tells the callers of a failed write and the user, and does not show their change as stored', async () => {
    const errors: string[] = [];
    const store = createJobStore({ onWriteError: (error) => errors.push(error.code) });
    await store.put(job({ id: 'a' }));
    const quota = Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementationOnce(() => {
      throw quota;
    });
    await expect(store.update('a', (j) => ({ ...j, attempts: 5 }))).rejects.toMatchObject({ code: 'storage', message: expect.stringMatching(/no room/) });
    put.mockRestore();
    expect(errors).toEqual(['storage']);
    expect(await store.get('a')).toMatchObject({ attempts: 0 });
    await store.update('a', (j) => ({ ...j, attempts: 1 }));
    expect((await dbRecords()).a).toMatchObject({ attempts: 1 });
  });

  it('writes the same bytes for one change with 10 or 5,000 jobs stored', async () => {
    const costOfOneChange = async (history: number) => {
      const id = `live${String(history).padStart(6, '0')}`;
      await seedRecords(Array.from({ length: history }, (_, i) => ({ ...job({ id: `old${i}`, state: 'ready', fileCode: `f${i}` }), v: jobRecordVersion })));
      const store = createJobStore();
      await store.put(job({ id, url: 'https://src.test/a.mp4' }));
      const before = store.stats();
      await store.update(id, (j) => ({ ...j, state: 'sending' }));
      const after = store.stats();
      return { bytes: after.bytes - before.bytes, records: after.records - before.records };
    };
    const small = await costOfOneChange(10);
    const large = await costOfOneChange(5_000);
    expect(small.records).toBe(1);
    expect(large).toEqual(small);
  });
});
