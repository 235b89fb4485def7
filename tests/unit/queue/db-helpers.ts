import { openJobsDb, type JobRecord } from '../../../lib/queue/db';

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
    const tx = db.transaction('jobs', 'readwrite');
    for (const record of records) void tx.store.put(record as JobRecord);
    await tx.done;
  } finally {
    db.close();
  }
}
