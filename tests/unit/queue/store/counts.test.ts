import { describe, expect, it } from 'vitest';
import { createJobStore } from '../../../../lib/queue/store';
import { openJobsDb } from '../../../../lib/queue/store/db';
import { rowCounts, rowCountsKey } from '../../../../lib/queue/store/counts';
import { countRows } from '../../../../lib/queue/history/direct';
import { job } from '../fakes';
import { seedRecords, historyRecord } from './db-helpers';

// History's totals come from counts the writer keeps beside the jobs (so a
// browser start does not count 100,000 records): they must always be what
// counting the indexes gives, through adds, updates, mirrors and removals,
// and a write past the writer drops them so they are counted afresh.

async function keptAndCounted() {
  const db = await openJobsDb();
  try {
    const kept = (await db.get('meta', rowCountsKey))?.value;
    const fromKept = await rowCounts(db);
    await db.delete('meta', rowCountsKey);
    const counted = await rowCounts(db);
    return { kept, fromKept, counted };
  } finally {
    db.close();
  }
}

const file = (id: string, createdAt: number, group?: { id: string; index: number }) => job({ id, kind: 'file', createdAt, ...(group ? { group } : {}) });

describe('kept row counts', () => {
  it('match the indexes through adds, updates, mirrors and removals', async () => {
    const store = createJobStore();
    await store.ready();
    await seedRecords(Array.from({ length: 30 }, (_, i) => historyRecord(i)));
    // The first count is taken from the indexes and kept.
    const db = await openJobsDb();
    expect(await countRows(db)).toEqual({ stored: 30, total: 30 });
    db.close();

    await store.put(job({ id: 'r1', createdAt: 5_000 }));
    await Promise.all([store.put(file('m1a', 5_001, { id: 'm1', index: 0 })), store.put(file('m1b', 5_002, { id: 'm1', index: 1 }))]);
    await store.put(job({ id: 'm2a', kind: 'relay', createdAt: 5_003, group: { id: 'm2', index: 0 } }));
    await store.update('r1', (j) => ({ ...j, state: 'sending' }));
    let now = await keptAndCounted();
    expect(now.kept).toBeDefined();
    expect(now.fromKept).toEqual(now.counted);
    expect(now.counted).toMatchObject({
      all: 34,
      members: 3,
      mirrors: 2,
      kinds: { remote: 31, file: 2, relay: 1 },
      memberKinds: { file: 2, relay: 1, remote: 0 },
    });

    // Removing one member keeps its mirror; removing the last drops it. Removing a job never stored changes nothing.
    await store.removeMany(['m1a', 'never-stored']);
    await store.removeMany(['m2a', 'r1']);
    now = await keptAndCounted();
    expect(now.fromKept).toEqual(now.counted);
    expect(now.counted).toMatchObject({ all: 31, members: 1, mirrors: 1, kinds: { remote: 30, file: 1, relay: 0 } });
    const again = await openJobsDb();
    expect(await countRows(again, new Set(['file', 'mirror']))).toEqual({ stored: 31, total: 1 });
    again.close();
  });

  it('are dropped by a write past the writer and counted afresh', async () => {
    const store = createJobStore();
    await store.ready();
    await store.put(job({ id: 'a', createdAt: 1 }));
    const db = await openJobsDb();
    await countRows(db);
    expect(await db.get('meta', rowCountsKey)).toBeDefined();
    await seedRecords([historyRecord(1), historyRecord(2)]);
    expect(await db.get('meta', rowCountsKey)).toBeUndefined();
    expect(await countRows(db)).toEqual({ stored: 3, total: 3 });
    db.close();
  });
});
