import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

// The job database: IndexedDB, one record per job. It works in Chrome's
// service worker and Firefox's event page alike, holds far more than
// storage.local's 10 MiB, and writing one job costs the same however many
// others are stored, where storage.local rewrote one record holding them all.
// Only the background writes it.

export const jobsDbName = 'vidrelay-jobs';
/** The database layout (object stores and indexes); bump with an upgrade step. */
export const jobsDbVersion = 1;
/** The shape of one stored job record; records with a higher `v` are left alone. */
export const jobRecordVersion = 2;

/** A stored job: the job's own fields plus the record version. */
export type JobRecord = { id: string; v: number; createdAt: number; state: string; accountId: string } & Record<string, unknown>;

/** An entry that could not be read, kept byte for byte as it was found. */
export interface UnreadableRecord {
  /** `${source}:${id}`: the same id may be unreadable in both places. */
  key: string;
  id: string;
  /** Where it came from: the old storage.local record, or the job store itself. */
  source: 'local:jobs' | 'jobs';
  problem: string;
  raw: unknown;
  foundAt: number;
}

export interface JobsDb extends DBSchema {
  jobs: {
    key: string;
    value: JobRecord;
    // Every ordered index ends in [createdAt, id]: newest first, and a walk resumes exactly after the last key it saw.
    indexes: {
      created: [number, string];
      stateCreated: [string, number, string];
      accountCreated: [string, number, string];
      accountCode: [string, string];
      parentId: string;
    };
  };
  unreadable: { key: string; value: UnreadableRecord };
  /** Small values the queue keeps across worker starts (next poll time). */
  meta: { key: string; value: { key: string; value: unknown } };
}

export type JobsDatabase = IDBPDatabase<JobsDb>;

export function openJobsDb(name = jobsDbName): Promise<JobsDatabase> {
  return openDB<JobsDb>(name, jobsDbVersion, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        const jobs = db.createObjectStore('jobs', { keyPath: 'id' });
        jobs.createIndex('created', ['createdAt', 'id']);
        jobs.createIndex('stateCreated', ['state', 'createdAt', 'id']);
        jobs.createIndex('accountCreated', ['accountId', 'createdAt', 'id']);
        // Records without a file code are left out of this index by IndexedDB itself.
        jobs.createIndex('accountCode', ['accountId', 'fileCode']);
        jobs.createIndex('parentId', 'parentId');
        db.createObjectStore('unreadable', { keyPath: 'key' });
        db.createObjectStore('meta', { keyPath: 'key' });
      }
    },
  });
}
