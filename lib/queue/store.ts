import { HostError } from '../errors';
import { jobSchema, terminalStates, type Job, type JobState } from './job';
import { jobRecordVersion, openJobsDb, type JobRecord, type JobsDatabase } from './db';
import { browserLegacyJobs, migrateLegacyJobs, type LegacyJobs, type MigrationReport } from './migrate-local';
import { decodeRecord } from './record';

// Jobs, one IndexedDB record each (lib/queue/db.ts). The jobs still in the
// queue (not ready, failed or interrupted) are also held in memory, so the
// scheduler never reads the history; finished jobs are read from the
// database when asked for, through its indexes. A change writes only the
// jobs it touched: the cost of a write does not grow with the history.
// Changes are applied one at a time (two updates racing never overwrite each
// other) and written in group commits: every change made while a write is
// under way goes out together in the next transaction, and a caller's promise
// resolves only once its change is committed. An entry that cannot be read is
// left where it is, reported, and never overwritten. The background is the
// only writer.

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
  /** Rejects with HostError 'not_found' when there is no such job. */
  update(id: string, fn: (job: Job) => Job, options?: WriteOptions): Promise<Job>;
  remove(id: string): Promise<void>;
  removeMany(ids: readonly string[]): Promise<void>;
  /** Jobs not yet ready, failed or interrupted: what the queue works on. From memory. */
  active(): Promise<Job[]>;
  /** Every job, read from the database: for tests and one-off checks, never for the queue. */
  all(): Promise<Job[]>;
  /** Newest first; `where` filters (the scan stops once `limit` matched). */
  recent(limit: number, where?: (job: Job) => boolean): Promise<Job[]>;
  /** Walk every job, newest first, a page at a time; return false from `fn` to stop. */
  each(fn: (job: Job) => boolean | void, options?: { state?: JobState; accountId?: string }): Promise<void>;
  count(): Promise<number>;
  /** Of `codes` on this account, those another job than `exceptId` already holds. */
  codesTaken(accountId: string, codes: readonly string[], exceptId: string): Promise<Set<string>>;
  /** Jobs whose parentId is `parentId`. */
  children(parentId: string): Promise<Job[]>;
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
  onWriteError?: (error: HostError) => void;
  dbName?: string;
  legacy?: LegacyJobs;
}

const activeStates = ['queued', 'sending', 'uploading', 'encoding'] as const satisfies readonly JobState[];
const pageSize = 500;

export function storageError(error: unknown): HostError {
  if (error instanceof HostError) return error;
  const name = (error as { name?: string })?.name;
  const detail = error instanceof Error ? error.message : String(error);
  const message =
    name === 'QuotaExceededError'
      ? 'The browser has no room left to store VidRelay jobs. Free disk space or clear old finished jobs in History, then try again.'
      : `The browser could not store VidRelay jobs (${detail}). Try again; if it keeps failing, restart the browser.`;
  return new HostError('storage', message, { cause: error });
}

export function createJobStore(options: JobStoreOptions = {}): JobStore {
  const throttleMs = options.throttleMs ?? 500;
  const now = options.now ?? Date.now;

  // What the database holds for the active jobs, as last read or written.
  const stored = new Map<string, Job>();
  // Changes not yet committed (null: removed).
  const changes = new Map<string, Job | null>();
  // Ids whose record this store has read or written as a job: safe to overwrite.
  const known = new Set<string>();
  const corrupt = new Map<string, string>();
  const lastWrite = new Map<string, number>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const watchers = new Set<(changed: Job[], removed: string[]) => void>();
  const stats: WriteStats = { transactions: 0, records: 0, bytes: 0 };

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

  const corruptList = () => [...corrupt].map(([id, problem]) => ({ id, problem }));

  /** A record read from the database, as a job, or undefined (noted as corrupt) if it cannot be read. */
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

  let chain: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = chain.then(fn);
    chain = next.catch(() => undefined);
    return next;
  };

  /** The job as it stands: pending change, else memory, else the database. */
  async function current(id: string): Promise<Job | undefined> {
    await open();
    if (changes.has(id)) return changes.get(id) ?? undefined;
    const held = stored.get(id);
    if (held) return held;
    const record = await (await database()).get('jobs', id);
    return record ? accept(record) : undefined;
  }

  // ---- group commit ----

  let waiting: { resolve(): void; reject(error: unknown): void }[] = [];
  let writing = false;

  const commit = (): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      waiting.push({ resolve, reject });
      startWrite();
    });

  const startWrite = () => {
    if (!waiting.length || writing) return;
    writing = true;
    // A task later, so changes made in the same turn (a job's result and the next job's "sending") share one transaction.
    nextTask(() => {
      void writeOnce().finally(() => {
        writing = false;
        startWrite();
      });
    });
  };

  const writeOnce = async () => {
    const batch = waiting;
    waiting = [];
    const written = new Map(changes);
    try {
      const db = await database();
      // Relaxed: committed once the browser has the data (it survives the worker and the browser
      // stopping, as storage.local writes did), without waiting for the disk to flush on every change.
      const tx = db.transaction('jobs', 'readwrite', { durability: 'relaxed' });
      const jobs = tx.objectStore('jobs');
      const ops: Promise<unknown>[] = [];
      let bytes = 0;
      for (const [id, job] of written) {
        if (!job) {
          ops.push(jobs.delete(id));
          continue;
        }
        const record = { ...withoutUndefined(job), v: jobRecordVersion } as JobRecord;
        bytes += JSON.stringify(record).length;
        if (known.has(id)) ops.push(jobs.put(record));
        else ops.push(jobs.get(id).then((existing) => {
          // A record this store cannot read is never replaced.
          if (existing && 'problem' in decodeRecord(existing)) {
            throw new HostError('storage_unreadable', `A stored job ${id} could not be read; it was left as it is.`);
          }
          return jobs.put(record);
        }));
      }
      await Promise.all([...ops, tx.done]);
      stats.transactions += 1;
      stats.records += written.size;
      stats.bytes += bytes;
      const at = now();
      const changed: Job[] = [];
      const removed: string[] = [];
      for (const [id, job] of written) {
        if (job) {
          known.add(id);
          changed.push(job);
          if (terminalStates.has(job.state)) stored.delete(id);
          else stored.set(id, job);
        } else {
          known.delete(id);
          stored.delete(id);
          removed.push(id);
        }
        if (changes.get(id) !== job) continue;
        changes.delete(id);
        lastWrite.set(id, at);
        const timer = timers.get(id);
        if (timer !== undefined) clearTimeout(timer);
        timers.delete(id);
      }
      for (const waiter of batch) waiter.resolve();
      for (const cb of watchers) cb(changed, removed);
    } catch (error) {
      // Nothing of this batch is stored: its callers hear so, and memory goes back to what the database holds.
      for (const [id, job] of written) if (changes.get(id) === job) changes.delete(id);
      const failure = storageError(error);
      options.onWriteError?.(failure);
      for (const waiter of batch) waiter.reject(failure);
    }
  };

  // ---- changes ----

  const change = async <T>(fn: () => Promise<{ value: T; write: boolean }>): Promise<T> => {
    const { value, write, done } = await serial(async () => {
      const result = await fn();
      return { ...result, done: result.write ? commit() : undefined };
    });
    if (write) await done;
    return value;
  };

  const save = async (job: Job, writeOptions: WriteOptions = {}): Promise<{ value: Job; write: boolean }> => {
    const checked = jobSchema.safeParse(job);
    if (!checked.success) {
      throw new HostError('invalid_input', `Job ${job.id} does not match the job schema: ${checked.error.issues[0]?.message}`);
    }
    const next = checked.data;
    if (corrupt.has(next.id)) throw new HostError('storage_unreadable', `A stored job ${next.id} could not be read; it was left as it is.`);
    // Only a throttled write needs the job as it was (always an active one, in memory); a plain put reads nothing.
    const previous = writeOptions.throttle ? await current(next.id) : undefined;
    const since = now() - (lastWrite.get(next.id) ?? -Infinity);
    changes.set(next.id, next);
    if (writeOptions.throttle && previous?.state === next.state && since < throttleMs) {
      if (!timers.has(next.id)) {
        timers.set(
          next.id,
          setTimeout(() => {
            timers.delete(next.id);
            if (changes.has(next.id)) commit().catch((error) => console.error('VidRelay: progress write failed', error));
          }, throttleMs - since),
        );
      }
      return { value: next, write: false };
    }
    return { value: next, write: true };
  };

  const removeIds = (ids: readonly string[]) =>
    change(async () => {
      await open();
      for (const id of ids) {
        const timer = timers.get(id);
        if (timer !== undefined) clearTimeout(timer);
        timers.delete(id);
        lastWrite.delete(id);
        changes.set(id, null);
      }
      return { value: undefined, write: ids.length > 0 };
    });

  /**
   * Walk an index newest first in pages of short transactions: a long walk
   * never holds the database while the queue wants to write.
   */
  async function walk(
    fn: (job: Job) => boolean | void,
    prefix?: { index: 'stateCreated' | 'accountCreated'; value: string },
    size = pageSize,
  ): Promise<void> {
    const db = await database();
    let upper: IDBValidKey | undefined;
    for (;;) {
      const tx = db.transaction('jobs', 'readonly');
      const index = tx.store.index(prefix?.index ?? 'created');
      const range = prefix
        ? IDBKeyRange.bound([prefix.value], upper ?? [prefix.value, []], false, upper !== undefined)
        : upper !== undefined
          ? IDBKeyRange.upperBound(upper, true)
          : undefined;
      let cursor = await index.openCursor(range, 'prev');
      let seen = 0;
      while (cursor && seen < size) {
        seen += 1;
        upper = cursor.key;
        const record = cursor.value;
        const pending = changes.has(record.id) ? changes.get(record.id) : undefined;
        const job = pending === null ? undefined : (pending ?? accept(record));
        if (job && fn(job) === false) return;
        cursor = await cursor.continue();
      }
      if (!cursor) return;
    }
  }

  return {
    get: (id) => serial(() => current(id)),
    getMany: (ids) =>
      serial(async () => {
        await open();
        // Those not in memory are read together in one transaction, not one after another.
        const missing = ids.filter((id) => !changes.has(id) && !stored.has(id));
        const read = new Map<string, Job | undefined>();
        if (missing.length) {
          const tx = (await database()).transaction('jobs', 'readonly');
          const records = await Promise.all(missing.map((id) => tx.store.get(id)));
          missing.forEach((id, i) => read.set(id, records[i] ? accept(records[i]) : undefined));
        }
        const out: Job[] = [];
        for (const id of ids) {
          const job = changes.has(id) ? changes.get(id) : (stored.get(id) ?? read.get(id));
          if (job) out.push(job);
        }
        return out;
      }),
    put: (job, writeOptions) => change(() => save(job, writeOptions)),
    update: (id, fn, writeOptions) =>
      change(async () => {
        const job = await current(id);
        if (!job) throw new HostError('not_found', `No job ${id} in the queue.`);
        return save(fn(job), writeOptions);
      }),
    remove: (id) => removeIds([id]),
    removeMany: (ids) => removeIds(ids),
    active: () =>
      serial(async () => {
        await open();
        const jobs = new Map(stored);
        for (const [id, job] of changes) {
          if (job && !terminalStates.has(job.state)) jobs.set(id, job);
          else jobs.delete(id);
        }
        return [...jobs.values()];
      }),
    all: async () => {
      const out: Job[] = [];
      await walk((job) => void out.push(job));
      // Pending changes not yet in the database (new jobs) come along too.
      const ids = new Set(out.map((job) => job.id));
      for (const job of changes.values()) if (job && !ids.has(job.id)) out.push(job);
      return out;
    },
    recent: async (limit, where) => {
      const out: Job[] = [];
      const fresh = [...changes.values()].filter((job): job is Job => !!job && !known.has(job.id));
      // Pages about the size asked for: the popup's ten newest never read hundreds of records.
      await walk(
        (job) => {
          if (!where || where(job)) out.push(job);
          return out.length < limit + fresh.length;
        },
        undefined,
        Math.min(pageSize, 2 * limit + 10),
      );
      for (const job of fresh) if (!out.some((o) => o.id === job.id) && (!where || where(job))) out.push(job);
      return out.sort((a, b) => b.createdAt - a.createdAt || b.id.localeCompare(a.id)).slice(0, limit);
    },
    each: (fn, { state, accountId } = {}) =>
      walk(fn, state ? { index: 'stateCreated', value: state } : accountId ? { index: 'accountCreated', value: accountId } : undefined),
    count: async () => (await database()).count('jobs'),
    codesTaken: async (accountId, codes, exceptId) => {
      const db = await database();
      const taken = new Set<string>();
      const tx = db.transaction('jobs', 'readonly');
      const index = tx.store.index('accountCode');
      await Promise.all(
        codes.map(async (code) => {
          for (const key of await index.getAllKeys(IDBKeyRange.only([accountId, code]))) if (key !== exceptId) taken.add(code);
        }),
      );
      for (const job of changes.values()) if (job && job.id !== exceptId && job.accountId === accountId && job.fileCode && codes.includes(job.fileCode)) taken.add(job.fileCode);
      return taken;
    },
    children: async (parentId) => {
      const db = await database();
      const out: Job[] = [];
      for (const record of await db.getAllFromIndex('jobs', 'parentId', parentId)) {
        const pending = changes.get(String(record.id));
        const job = pending === null ? undefined : pending ?? accept(record);
        if (job) out.push(job);
      }
      return out;
    },
    corrupted: async () => {
      const db = await database();
      const out = corruptList();
      for (const entry of await db.getAll('unreadable')) out.push({ id: entry.id, problem: `${entry.problem} (kept from ${entry.source})` });
      return out;
    },
    watch: (cb) => {
      watchers.add(cb);
      return () => watchers.delete(cb);
    },
    getMeta: async <T>(key: string) => (await (await database()).get('meta', key))?.value as T | undefined,
    setMeta: async (key, value) => {
      try {
        await (await database()).put('meta', { key, value });
      } catch (error) {
        throw storageError(error);
      }
    },
    flush: () => change(async () => ({ value: undefined, write: changes.size > 0 })),
    stats: () => ({ ...stats }),
    ready: async () => (await open()).report,
  };
}

/** Run `fn` as a task of its own, after the promise jobs queued now (a message, which fake timers leave alone). */
function nextTask(fn: () => void): void {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    channel.port1.close();
    fn();
  };
  channel.port2.postMessage(undefined);
}

function withoutUndefined<T extends object>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(value)) if (entry !== undefined) out[key] = entry;
  return out as T;
}
