import { describe, expect, it } from 'vitest';
import { createJobStore } from '../../../../lib/queue/store';
import { createHistory, type HistoryPage, type HistoryQuery } from '../../../../lib/queue/history';
import { jobRecordVersion } from '../../../../lib/queue/store/db';
import type { EntryKind } from '../../../../lib/queue/model/job';
import { job, type JobFields } from '../fakes';
import { dbRecords, heldDatabase, historyRecord, seedRecords } from '../store/db-helpers';

// A query by kinds only (the Upload tab's) is answered from the indexes
// before the search rows are built, with the answer the rows give once
// they are: the same jobs in the same order, the same total and count.

const stored = (fields: JobFields) => ({ ...job(fields), v: jobRecordVersion });
const file = (id: string, createdAt: number, more: Record<string, unknown> = {}) =>
  stored({ id, kind: 'file', createdAt, state: 'ready', file: { name: `${id}.mp4`, size: 10, type: 'video/mp4', lastModified: 1 }, ...more });
const relay = (id: string, createdAt: number, more: Record<string, unknown> = {}) => stored({ id, kind: 'relay', createdAt, state: 'ready', ...more });
const remote = (id: string, createdAt: number, more: Record<string, unknown> = {}) => stored({ id, kind: 'remote', createdAt, state: 'ready', ...more });
const member = (group: string, index: number) => ({ group: { id: group, index } });

/** A history of every kind: singles, mirrors of file and of remote members, and mirrors whose first member stands below their newest. */
function mixedHistory() {
  const records: unknown[] = Array.from({ length: 120 }, (_, i) => historyRecord(i));
  for (let i = 0; i < 25; i++) records.push(file(`f${i}`, 1_010 + i * 4), relay(`r${i}`, 1_012 + i * 4));
  for (let i = 0; i < 12; i++) {
    // Members created in turn: the first stands where the mirror stands, others land above later singles.
    records.push(
      file(`fm${i}a`, 1_005 + i * 9, member(`fm${i}`, 0)),
      file(`fm${i}b`, 1_006 + i * 9, member(`fm${i}`, 1)),
      file(`fm${i}c`, 1_007 + i * 9, member(`fm${i}`, 2)),
    );
    records.push(remote(`rm${i}a`, 1_003 + i * 9, member(`rm${i}`, 0)), remote(`rm${i}b`, 1_004 + i * 9, member(`rm${i}`, 1)));
  }
  // Thirty mirrors whose first members are old and whose second members are the newest jobs of all:
  // a walk that stops at the first mirrors it sees cannot place them yet.
  for (let i = 0; i < 30; i++) records.push(file(`late${i}b`, 9_000 + i, member(`late${i}`, 1)), file(`late${i}a`, 900 + i, member(`late${i}`, 0)));
  // A file in an active state, to carry a change not yet written.
  records.push(file('busy', 1_500, { state: 'uploading', bytesSent: 1 }));
  return records;
}

const kindSets: EntryKind[][] = [['file', 'relay', 'mirror'], ['mirror'], ['file'], ['relay', 'remote'], ['remote', 'file', 'relay', 'mirror']];
const shapes = [{ limit: 200 }, { limit: 3 }, { limit: 1 }, { offset: 7, limit: 5 }, { offset: 40, limit: 20 }];
const queries: HistoryQuery[] = kindSets.flatMap((kinds) => shapes.map((shape) => ({ kinds, ...shape })));

/** Every query's answer before the rows exist (they are held), then the same queries once they are built. */
async function beforeAndAfter(store: ReturnType<typeof createJobStore>) {
  const held = await heldDatabase();
  const built: boolean[] = [];
  const history = createHistory(store, { db: async () => held.db, onRowsBuilt: (changed) => built.push(changed), buildDelayMs: 0 });
  const before: HistoryPage[] = [];
  for (const query of queries) before.push(await history.query(query));
  // Every answer above came from the indexes: the rows are still held.
  await new Promise((resolve) => setImmediate(resolve));
  expect(held.reads()).toBeGreaterThan(0);
  expect(built).toEqual([]);
  held.open();
  await history.query({ text: 'x', limit: 1 });
  await until(() => built.length > 0);
  const after: HistoryPage[] = [];
  for (const query of queries) after.push(await history.query(query));
  return { before, after, built, history };
}

async function until(done: () => boolean) {
  for (let i = 0; i < 20_000 && !done(); i++) await new Promise((resolve) => setImmediate(resolve));
  expect(done()).toBe(true);
}

describe('kinds queries before the rows are built', () => {
  it('give the jobs, order, total and count the built rows give, pending changes included', async () => {
    await seedRecords(mixedHistory());
    const store = createJobStore({ throttleMs: 60_000 });
    await store.update('busy', (j) => ({ ...j, bytesSent: 2 }));
    // Throttled: held in memory, not yet written.
    await store.update('busy', (j) => ({ ...j, bytesSent: 5 }), { throttle: true });
    const { before, after, built } = await beforeAndAfter(store);
    for (const [i, query] of queries.entries()) expect(before[i], JSON.stringify(query)).toEqual(after[i]);
    expect(built).toEqual([false]);

    // What the Upload tab asks: mirrors stand where their first member does, their members after the page.
    const upload = before[0]!;
    expect(upload.total).toBe(26 + 25 + 12 + 12 + 30);
    expect(upload.stored).toBe(120 + 26 + 25 + 12 + 12 + 30);
    expect(upload.jobs.slice(0, 4).map((j) => j.id)).toEqual(['busy', 'r24', 'f24', 'r23']);
    // The change not yet written is what both answers show; the database still holds the one before.
    expect(upload.jobs.find((j) => j.id === 'busy')).toMatchObject({ bytesSent: 5 });
    expect((await dbRecords()).busy).toMatchObject({ bytesSent: 2 });
    // The mirror fm11 stands at its first member (1_104, below r23 of the same time), not at its newest (1_106).
    expect(upload.jobs.slice(3, 6).map((j) => j.id)).toEqual(['r23', 'fm11a', 'rm11a']);
    expect(upload.jobs.length).toBe(105 + 12 * 2 + 12 + 30);
    expect(upload.jobs.slice(105, 108).map((j) => j.id)).toEqual(['fm11b', 'fm11c', 'rm11b']);
    const mirrors = before[5]!;
    expect(mirrors.total).toBe(54);
    expect(mirrors.jobs.slice(0, 200).filter((j) => j.group?.index === 0).length).toBe(54);
  });

  it('leave out records this build cannot read, as the rows do; a count that included them is asked again', async () => {
    await seedRecords([
      ...mixedHistory(),
      { ...file('newer', 2_000), v: jobRecordVersion + 1 },
      { ...relay('broken', 2_001), state: 'someday' },
      // A mirror whose first member cannot be read: its second stands for it.
      { ...file('hm0', 2_002, member('hm', 0)), v: jobRecordVersion + 1 },
      file('hm1', 2_003, member('hm', 1)),
      // A member whose row fields are fine but another field is not: found when its page is read.
      { ...file('bm0', 2_004, member('bm', 0)), attempts: 'many' },
      file('bm1', 2_005, member('bm', 1)),
    ]);
    const store = createJobStore();
    const { before, after, built } = await beforeAndAfter(store);
    for (const [i, query] of queries.entries()) {
      expect(before[i]!.jobs, JSON.stringify(query)).toEqual(after[i]!.jobs);
      // Counted from the indexes, the records this build cannot read are in the totals; the rows leave them out.
      expect(before[i]!.stored).toBeGreaterThan(after[i]!.stored);
    }
    expect(before[0]!.jobs.slice(0, 3).map((j) => j.id)).toEqual(['bm1', 'hm1', 'busy']);
    expect(after[0]!.total).toBe(26 + 25 + 12 + 12 + 30 + 2);
    expect(before[0]!.total).toBe(after[0]!.total + 2);
    expect(built).toEqual([true]);
  });
});

describe('the total of History before its rows are built', () => {
  it('is followed by a notice once the rows are built, after which it is exact', async () => {
    await seedRecords([historyRecord(1), historyRecord(2), { ...historyRecord(3), v: jobRecordVersion + 1 }, { ...historyRecord(4), state: 'someday' }]);
    const store = createJobStore();
    const held = await heldDatabase();
    const notices: boolean[] = [];
    const history = createHistory(store, { db: async () => held.db, onRowsBuilt: (changed) => notices.push(changed), buildDelayMs: 0 });
    const first = await history.query({ limit: 10 });
    expect(first.jobs.map((j) => j.id)).toEqual(['h00002', 'h00001']);
    expect(first.total).toBe(4);
    expect(notices).toEqual([]);
    held.open();
    await until(() => notices.length > 0);
    expect(notices).toEqual([true]);
    expect(await history.query({ limit: 10 })).toMatchObject({ total: 2, stored: 2 });
  });

  it('gives no notice when the answers before the rows were already exact', async () => {
    await seedRecords([historyRecord(1), historyRecord(2)]);
    const store = createJobStore();
    const notices: boolean[] = [];
    const history = createHistory(store, { onRowsBuilt: (changed) => notices.push(changed), buildDelayMs: 0 });
    expect((await history.query({ limit: 10 })).total).toBe(2);
    await until(() => notices.length > 0);
    expect(notices).toEqual([false]);
  });
});
