import { describe, expect, it } from 'vitest';
import { createJobStore } from '../../../../lib/queue/store';
import { createHistory } from '../../../../lib/queue/history';
import { readRows, rowOf } from '../../../../lib/queue/history/rows';
import { jobRecordVersion, openJobsDb } from '../../../../lib/queue/store/db';
import { job } from '../fakes';
import { heldDatabase, historyRecord, seedRecords } from '../store/db-helpers';

// History answers its first view before the search rows exist, and a query
// asked while they are being built gets the same answer it would get after.

const record = historyRecord;

describe('history before its rows are built', () => {
  it('shows the first page and the total from the indexes, while a search waits for the rows', async () => {
    await seedRecords(Array.from({ length: 300 }, (_, i) => record(i)));
    const store = createJobStore();
    await store.put(job({ id: 'm1', group: { id: 'm', index: 0 }, state: 'ready', createdAt: 5_000 }));
    await store.put(job({ id: 'm2', group: { id: 'm', index: 1 }, state: 'ready', createdAt: 5_000 }));
    const held = await heldDatabase();
    const history = createHistory(store, { db: async () => held.db });

    const first = await history.query({ limit: 3 });
    expect(first).toMatchObject({ total: 301, stored: 301 });
    // The mirror is one row, its first member standing for it, its other member after the page.
    expect(first.jobs.map((j) => j.id)).toEqual(['m1', 'h00299', 'h00298', 'm2']);
    const second = await history.query({ limit: 3, offset: 3 });
    expect(second.jobs.map((j) => j.id)).toEqual(['h00297', 'h00296', 'h00295']);

    let searched = false;
    const search = history.query({ text: 'holiday', limit: 5 }).then((page) => {
      searched = true;
      return page;
    });
    const filtered = history.query({ state: 'failed', accountId: 'acc2', limit: 500 });
    await new Promise((resolve) => setImmediate(resolve));
    // The rows are being read (and held): the first pages above did not wait for them, the search does.
    expect(held.reads()).toBeGreaterThan(0);
    expect(searched).toBe(false);
    // A change while the rows are read is there once they are built.
    await store.update('h00293', (j) => ({ ...j, title: 'holiday special' }));
    held.open();
    const holiday = await search;
    expect(holiday.total).toBe(44);
    expect(holiday.jobs.map((j) => j.id)).toEqual(['h00294', 'h00293', 'h00287', 'h00280', 'h00273']);
    expect((await filtered).total).toBe(20);

    // Once built, the same pages as before.
    const again = await history.query({ limit: 3 });
    expect(again.jobs.map((j) => j.id)).toEqual(first.jobs.map((j) => j.id));
    expect(again.total).toBe(first.total);
    expect((await history.query({ limit: 3, offset: 3 })).jobs.map((j) => j.id)).toEqual(second.jobs.map((j) => j.id));
  });

  it('builds the same rows from the records as from the decoded jobs, newest first, in batches', async () => {
    const records = Array.from({ length: 23 }, (_, i) => ({ ...record(i % 20), id: `x${String(i).padStart(3, '0')}` }));
    records.push({
      ...record(1),
      id: 'f',
      kind: 'file',
      url: undefined,
      file: { name: 'My Clip.MP4', size: 1, type: 'video/mp4', lastModified: 1 },
      error: { code: 'auth', message: 'Wrong Key' },
    } as never);
    await seedRecords(records);
    const store = createJobStore();
    const db = await openJobsDb();
    const rows = await readRows(db, 4);
    const jobs = await store.all();
    expect(rows).toEqual(jobs.map(rowOf));
    expect(rows.find((row) => row.id === 'f')?.text).toContain('my clip.mp4');
    db.close();
  });

  it('leaves out records this build cannot read, by version or by any field', async () => {
    await seedRecords([
      record(1),
      record(2),
      { ...record(3), v: jobRecordVersion + 1 },
      { ...record(4), state: 'someday' },
      // Row fields fine, another field broken: found when its page is read.
      { ...record(5), attempts: 'many' },
    ]);
    const store = createJobStore();
    const history = createHistory(store);
    const search = await history.query({ text: 'clip', limit: 10 });
    expect(search.jobs.map((j) => j.id)).toEqual(['h00002', 'h00001']);
    expect(search.total).toBe(2);
    expect((await history.query({ limit: 10 })).total).toBe(2);
    expect((await store.corrupted()).map((c) => c.id).sort()).toEqual(['h00005']);
  });
});
