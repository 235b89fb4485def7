import { AppError } from '../../errors';
import type { Job, JobKind, JobState } from '../model/job';
import type { LegacyJobs, MigrationReport } from './migrate-local';

// The job store's contract (lib/queue/store/index.ts puts it together).

export interface CorruptJob {
  id: string;
  problem: string;
}

export interface WriteOptions {
  /**
   * Progress-only writes: when the state does not change and this job was
   * written less than `throttleMs` ago, keep it in memory and write it later.
   */
  throttle?: boolean;
}

export interface WriteStats {
  transactions: number;
  records: number;
  /** Bytes of JSON put into the database (its own overhead aside). */
  bytes: number;
}

export interface JobStore {
  get(id: string): Promise<Job | undefined>;
  /** The jobs among `ids` that exist, in that order. */
  getMany(ids: readonly string[]): Promise<Job[]>;
  put(job: Job, options?: WriteOptions): Promise<Job>;
  /** Rejects with AppError 'not_found' when there is no such job. */
  update(id: string, fn: (job: Job) => Job, options?: WriteOptions): Promise<Job>;
  remove(id: string): Promise<void>;
  removeMany(ids: readonly string[]): Promise<void>;
  /** Jobs not yet ready, failed or interrupted: what the queue works on. From memory. */
  active(): Promise<Job[]>;
  /** Every job, read from the database: for tests and one-off checks, never for the queue. */
  all(): Promise<Job[]>;
  /** Newest first; `where` filters (the scan stops once `limit` matched). */
  recent(limit: number, where?: (job: Job) => boolean): Promise<Job[]>;
  /**
   * Walk every job, newest first, a page at a time; return false from `fn` to stop.
   * One of: a state's jobs, an account's, a kind's (`members`: only that kind's mirror members).
   * Jobs not yet committed are not walked; pending changes to those stored are.
   */
  each(fn: (job: Job) => boolean | undefined, options?: { state?: JobState; accountId?: string; kind?: JobKind; members?: boolean }): Promise<void>;
  count(): Promise<number>;
  /** Of `codes` on this account, those another job than `exceptId` already holds. */
  codesTaken(accountId: string, codes: readonly string[], exceptId: string): Promise<Set<string>>;
  /** The members of the mirrors `groupIds` (jobs whose `group.id` is one of them), pending changes included. */
  members(groupIds: readonly string[]): Promise<Job[]>;
  corrupted(): Promise<CorruptJob[]>;
  /** Written changes (after commit), and ids removed. */
  watch(cb: (changed: Job[], removed: string[]) => void): () => void;
  /** Small values kept across worker starts. */
  getMeta<T>(key: string): Promise<T | undefined>;
  setMeta(key: string, value: unknown): Promise<void>;
  /** Write throttled progress now (tests, shutdown). */
  flush(): Promise<void>;
  stats(): WriteStats;
  /** Resolves once the database is open and any old storage.local record is moved in. */
  ready(): Promise<MigrationReport | undefined>;
}

export interface JobStoreOptions {
  throttleMs?: number;
  now?: () => number;
  onCorrupt?: (entries: CorruptJob[]) => void;
  /** A write the database refused: shown to the user by the caller. */
  onWriteError?: (error: AppError) => void;
  dbName?: string;
  legacy?: LegacyJobs;
}

export function storageError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const name = (error as { name?: string })?.name;
  const detail = error instanceof Error ? error.message : String(error);
  const message =
    name === 'QuotaExceededError'
      ? 'The browser has no room left to store VidRelay jobs. Free disk space or clear old finished jobs in History, then try again.'
      : `The browser could not store VidRelay jobs (${detail}). Try again; if it keeps failing, restart the browser.`;
  return new AppError('storage', message, { cause: error });
}
