import { terminalStates, type Job, type JobState } from '../model/job';
import { openJobsDb, type JobsDatabase } from './db';
import { browserLegacyJobs, migrateLegacyJobs, type MigrationReport } from './migrate-local';
import { decodeRecord } from './record';
import { storageError, type CorruptJob, type JobStoreOptions } from './types';

// What the job store holds in memory: the jobs still in the queue (so the
// scheduler never reads the history), changes not yet committed, which
// records it has read as jobs (safe to overwrite) and which it could not
// read (never overwritten). Every read of the database goes through
// `accept`, so an unreadable record is noted and reported once.

const activeStates = ['queued', 'sending', 'uploading', 'encoding'] as const satisfies readonly JobState[];

export interface StoreMemory {
  /** What the database holds for the active jobs, as last read or written. */
  stored: Map<string, Job>;
  /** Changes not yet committed (null: removed). */
  changes: Map<string, Job | null>;
  /** Ids whose record this store has read or written as a job. */
  known: Set<string>;
  corrupt: Map<string, string>;
  open(): Promise<{ db: JobsDatabase; report: MigrationReport | undefined }>;
  database(): Promise<JobsDatabase>;
  /** A record read from the database, as a job, or undefined (noted as corrupt) if it cannot be read. */
  accept(record: unknown): Job | undefined;
  /** A record as this store sees it: its pending change first (undefined if removed). */
  overlay(record: { id: string }): Job | undefined;
  /** The job as it stands: pending change, else memory, else the database. */
  current(id: string): Promise<Job | undefined>;
  /** Run `fn` after every earlier `serial` call has settled. */
  serial<T>(fn: () => Promise<T>): Promise<T>;
  /** The active jobs with pending changes applied. */
  active(): Job[];
  corruptList(): CorruptJob[];
}

export function createMemory(options: JobStoreOptions, now: () => number): StoreMemory {
  const stored = new Map<string, Job>();
  const changes = new Map<string, Job | null>();
  const known = new Set<string>();
  const corrupt = new Map<string, string>();

  let opening: Promise<{ db: JobsDatabase; report: MigrationReport | undefined }> | undefined;
  const open = () =>
    (opening ??= (async () => {
      const db = await openJobsDb(options.dbName);
      const report = await migrateLegacyJobs(db, options.legacy ?? browserLegacyJobs, now());
      for (const state of activeStates) {
        for (const record of await db.getAllFromIndex('jobs', 'stateCreated', IDBKeyRange.bound([state], [state, []]))) accept(record);
      }
      return { db, report };
    })().catch((error) => {
      opening = undefined;
      throw storageError(error);
    }));
  const database = async () => (await open()).db;

  function accept(record: unknown): Job | undefined {
    const decoded = decodeRecord(record);
    if ('problem' in decoded) {
      if (!corrupt.has(decoded.id)) {
        corrupt.set(decoded.id, decoded.problem);
        options.onCorrupt?.([{ id: decoded.id, problem: decoded.problem }]);
      }
      return undefined;
    }
    const job = decoded.job;
    known.add(job.id);
    if (!terminalStates.has(job.state)) stored.set(job.id, job);
    return job;
  }

  const overlay = (record: { id: string }) => {
    const pending = changes.get(String(record.id));
    return pending === null ? undefined : (pending ?? accept(record));
  };

  let chain: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = chain.then(fn);
    chain = next.catch(() => undefined);
    return next;
  };

  async function current(id: string): Promise<Job | undefined> {
    await open();
    if (changes.has(id)) return changes.get(id) ?? undefined;
    const held = stored.get(id);
    if (held) return held;
    const record = await (await database()).get('jobs', id);
    return record ? accept(record) : undefined;
  }

  const active = () => {
    const jobs = new Map(stored);
    for (const [id, job] of changes) {
      if (job && !terminalStates.has(job.state)) jobs.set(id, job);
      else jobs.delete(id);
    }
    return [...jobs.values()];
  };

  return {
    stored,
    changes,
    known,
    corrupt,
    open,
    database,
    accept,
    overlay,
    current,
    serial,
    active,
    corruptList: () => [...corrupt].map(([id, problem]) => ({ id, problem })),
  };
}
