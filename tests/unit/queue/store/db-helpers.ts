import { openDB } from 'idb';
import { jobRecordVersion, jobsDbName, openJobsDb, type JobRecord, type JobsDatabase } from '../../../../lib/queue/store/db';
import { rowCountsKey } from '../../../../lib/queue/store/counts';
import { job } from '../fakes';

// Read the job database directly, past the store's memory: what a new worker would find.

export async function dbRecords(): Promise<Record<string, JobRecord>> {
  const db = await openJobsDb();
  try {
    return Object.fromEntries((await db.getAll('jobs')).map((record) => [record.id, record]));
  } finally {
    db.close();
  }
}

/** Put raw records into the database as an older or broken build might have left them. */
export async function seedRecords(records: unknown[]): Promise<void> {
  const db = await openJobsDb();
  try {
    // Past the writer: the kept counts go (counted again when next asked for).
    const tx = db.transaction(['jobs', 'meta'], 'readwrite');
    void tx.objectStore('meta').delete(rowCountsKey);
    for (const record of records) void tx.objectStore('jobs').put(record as JobRecord);
    await tx.done;
  } finally {
    db.close();
  }
}

/** What the database set aside as unreadable (kept as found, never rewritten). */
export async function unreadableRecords() {
  const db = await openJobsDb();
  try {
    return await db.getAll('unreadable');
  } finally {
    db.close();
  }
}

/** The i-th of a seeded history: three accounts' worth, some failed, some titled "Holiday", oldest first. */
export function historyRecord(i: number) {
  return {
    ...job({
      id: `h${String(i).padStart(5, '0')}`,
      accountId: i % 3 ? 'acc1' : 'acc2',
      state: i % 5 ? 'ready' : 'failed',
      url: `https://src.test/${i % 7 ? 'clip' : 'Holiday'}-${i}.mp4`,
      createdAt: 1_000 + i,
      fileCode: `code${i}`,
    }),
    v: jobRecordVersion,
  };
}

/** The job database with its batch reads held until `open()`: the rows cannot be built before. */
export async function heldDatabase() {
  const db = await openJobsDb();
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  let reads = 0;
  const held = new Proxy(db, {
    get(target, key) {
      if (key === 'getAll') {
        return async (...args: Parameters<JobsDatabase['getAll']>) => {
          reads += 1;
          await gate;
          return target.getAll(...args);
        };
      }
      const value = Reflect.get(target, key);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { db: held, open, reads: () => reads };
}

/**
 * The job database as an older build left it, holding `records`: its layout
 * written out as that build made it (1: mirrors by `parentId`; 2: by `group.id`),
 * never derived from today's code.
 */
export async function seedOlderLayout(layout: 1 | 2, records: readonly unknown[]): Promise<void> {
  const db = await openDB(jobsDbName, layout, {
    upgrade(old) {
      const jobs = old.createObjectStore('jobs', { keyPath: 'id' });
      jobs.createIndex('created', ['createdAt', 'id']);
      jobs.createIndex('stateCreated', ['state', 'createdAt', 'id']);
      jobs.createIndex('accountCreated', ['accountId', 'createdAt', 'id']);
      jobs.createIndex('accountCode', ['accountId', 'fileCode']);
      if (layout === 1) jobs.createIndex('parentId', 'parentId');
      else jobs.createIndex('group', 'group.id');
      old.createObjectStore('unreadable', { keyPath: 'key' });
      old.createObjectStore('meta', { keyPath: 'key' });
    },
  });
  const tx = db.transaction('jobs', 'readwrite');
  for (const record of records) void tx.objectStore('jobs').put(record as never);
  await tx.done;
  db.close();
}
