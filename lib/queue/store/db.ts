import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import { withoutUndefined } from '../model/job';
import { planGroups } from './migrate-groups';

// The job database: IndexedDB, one record per job. It works in Chrome's
// service worker and Firefox's event page alike, holds far more than
// storage.local's 10 MiB, and writing one job costs the same however many
// others are stored, where storage.local rewrote one record holding them all.
// Only the background writes it.

export const jobsDbName = 'vidrelay-jobs';
/**
 * The database layout (object stores and indexes); bump with an upgrade step.
 * 2: the `group` index (a mirror's members) replaces `parentId`, and the
 * stored mirror parents become groups in the same upgrade (record version 4).
 * 3: the `kindCreated` and `memberCreated` indexes (a kind's jobs, and a
 * kind's mirror members, newest first); no record changes.
 */
export const jobsDbVersion = 3;
/**
 * The shape of one stored job record; records with a higher `v` are left alone.
 * 3: remote jobs may carry `waiting` ('host': taken without a file code, so a
 * build that cannot look for it must not touch it). A version 2 record reads
 * as it is: the step from 2 to 3 only adds that optional field.
 * 4: a union by kind; a mirror is a group of jobs (`group: { id, index }`),
 * not a stored parent (lib/queue/store/migrate-groups.ts). A version 3 record that
 * is no mirror's reads through that step as it is read.
 * 5: any job may carry `secondCopy` (the host made a second file from the same
 * send) and a relay `stream: 'hls'` (its URL is a media playlist to join),
 * which a version 4 build would refuse or misread; a version 4 record reads as
 * it is (lib/queue/store/migrate-v5.ts).
 */
export const jobRecordVersion = 5;

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

interface JobsDb extends DBSchema {
  jobs: {
    key: string;
    value: JobRecord;
    // Every ordered index ends in [createdAt, id]: newest first, and a walk resumes exactly after the last key it saw.
    indexes: {
      created: [number, string];
      stateCreated: [string, number, string];
      accountCreated: [string, number, string];
      accountCode: [string, string];
      /** A mirror's members, by the mirror's id (`group.id`; jobs of no mirror are left out). */
      group: string;
      /** Every job by kind (a mirror's members under their own kind). */
      kindCreated: [string, number, string];
      /** Only mirror members, by kind: IndexedDB leaves out a record without `group.id`. */
      memberCreated: [string, number, string, string];
    };
  };
  unreadable: { key: string; value: UnreadableRecord };
  /** Small values the queue keeps across worker starts (next poll time). */
  meta: { key: string; value: { key: string; value: unknown } };
}

export type JobsDatabase = IDBPDatabase<JobsDb>;
/** A write over the jobs and the meta store together (the writer's, which keeps the counts). */
export type JobsWriteTransaction = IDBPTransaction<JobsDb, ['jobs', 'meta'], 'readwrite'>;

export function openJobsDb(name = jobsDbName): Promise<JobsDatabase> {
  return openDB<JobsDb>(name, jobsDbVersion, {
    upgrade(db, oldVersion, _newVersion, transaction) {
      if (oldVersion < 1) {
        const jobs = db.createObjectStore('jobs', { keyPath: 'id' });
        jobs.createIndex('created', ['createdAt', 'id']);
        jobs.createIndex('stateCreated', ['state', 'createdAt', 'id']);
        jobs.createIndex('accountCreated', ['accountId', 'createdAt', 'id']);
        // Records without a file code are left out of this index by IndexedDB itself.
        jobs.createIndex('accountCode', ['accountId', 'fileCode']);
        jobs.createIndex('parentId' as never, 'parentId');
        db.createObjectStore('unreadable', { keyPath: 'key' });
        db.createObjectStore('meta', { keyPath: 'key' });
      }
      if (oldVersion < 2) {
        const jobs = transaction.objectStore('jobs');
        jobs.createIndex('group', 'group.id');
        jobs.deleteIndex('parentId' as never);
        // Anything thrown half-way aborts the whole upgrade: nothing is half-moved, and the next open tries again.
        if (oldVersion >= 1) {
          // The open itself fails then (the store reports it); the transaction's own promise needs no second report.
          transaction.done.catch(() => undefined);
          groupStoredMirrors(transaction).catch(() => transaction.abort());
        }
      }
      if (oldVersion < 3) {
        // The browser fills both from the records already stored.
        const jobs = transaction.objectStore('jobs');
        jobs.createIndex('kindCreated', ['kind', 'createdAt', 'id']);
        jobs.createIndex('memberCreated', ['kind', 'createdAt', 'id', 'group.id']);
      }
    },
  });
}

type UpgradeTransaction = IDBPTransaction<JobsDb, StoreNames<JobsDb>[], 'versionchange'>;

/**
 * Record version 3 to 4 over the whole store, inside the upgrade's own
 * transaction: members get their group, and each parent is removed in the
 * same commit. A parent that cannot become a group whole (a member missing
 * or unreadable) is moved, as it was, to `unreadable` and reported there.
 */
async function groupStoredMirrors(transaction: UpgradeTransaction): Promise<void> {
  const jobs = transaction.objectStore('jobs');
  const found: JobRecord[] = [];
  for (let cursor = await jobs.openCursor(); cursor; cursor = await cursor.continue()) {
    const record = cursor.value;
    if (typeof record.v === 'number' && record.v <= 3 && (record.kind === 'mirror' || typeof record.parentId === 'string')) found.push(record);
  }
  const plan = planGroups(found);
  const at = Date.now();
  const writes: Promise<unknown>[] = [];
  for (const member of plan.members) writes.push(jobs.put({ ...withoutUndefined(member), v: jobRecordVersion } as JobRecord));
  for (const id of plan.removed) writes.push(jobs.delete(id));
  const unreadable = transaction.objectStore('unreadable');
  for (const { id, problem } of plan.kept) {
    const raw = found.find((record) => record.id === id);
    writes.push(unreadable.put({ key: `jobs:${id}`, id, source: 'jobs', problem, raw, foundAt: at }), jobs.delete(id));
  }
  await Promise.all(writes);
}
