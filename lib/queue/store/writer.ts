import { AppError } from '../../errors';
import { parseJob, terminalStates, withoutUndefined, type Job } from '../model/job';
import { jobRecordVersion, type JobRecord } from './db';
import { decodeRecord } from './record';
import type { StoreMemory } from './memory';
import { storageError, type JobStoreOptions, type WriteOptions, type WriteStats } from './types';
import { countsBefore, keepCounts } from './count-writes';

// Writing jobs. Changes are applied one at a time (two updates racing never
// overwrite each other) and written in group commits: every change made
// while a write is under way goes out together in the next transaction, and
// a caller's promise resolves only once its change is committed. A write
// touches only the jobs it changed, so its cost does not grow with the
// history. An entry that cannot be read is never overwritten.

export interface StoreWriter {
  put(job: Job, options?: WriteOptions): Promise<Job>;
  update(id: string, fn: (job: Job) => Job, options?: WriteOptions): Promise<Job>;
  removeIds(ids: readonly string[]): Promise<void>;
  flush(): Promise<void>;
  stats: WriteStats;
  watchers: Set<(changed: Job[], removed: string[]) => void>;
}

export function createWriter(memory: StoreMemory, options: JobStoreOptions, now: () => number): StoreWriter {
  const throttleMs = options.throttleMs ?? 500;
  const { changes, stored, known, corrupt } = memory;
  const lastWrite = new Map<string, number>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const watchers = new Set<(changed: Job[], removed: string[]) => void>();
  const stats: WriteStats = { transactions: 0, records: 0, bytes: 0 };

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
      const db = await memory.database();
      // Relaxed: committed once the browser has the data (it survives the worker and the browser
      // stopping, as storage.local writes did), without waiting for the disk to flush on every change.
      const tx = db.transaction(['jobs', 'meta'], 'readwrite', { durability: 'relaxed' });
      const jobs = tx.objectStore('jobs');
      // What is stored under a new id (a record this store cannot read is never replaced) and under a removed one
      // (what its removal takes off the kept counts); a known job's update reads nothing.
      const lookups = [...written].filter(([id, job]) => !job || !known.has(id)).map(([id]) => id);
      const found = new Map<string, unknown>();
      for (const [i, record] of (await Promise.all(lookups.map((id) => jobs.get(id)))).entries()) found.set(lookups[i]!, record);
      const added: JobRecord[] = [];
      const gone: unknown[] = [];
      const records = new Map<string, JobRecord>();
      let bytes = 0;
      for (const [id, job] of written) {
        const existing = found.get(id);
        if (!job) {
          if (existing) gone.push(existing);
          continue;
        }
        if (existing && 'problem' in decodeRecord(existing)) {
          throw new AppError('storage_unreadable', `A stored job ${id} could not be read; it was left as it is.`);
        }
        const record = { ...withoutUndefined(job), v: jobRecordVersion } as JobRecord;
        bytes += JSON.stringify(record).length;
        records.set(id, record);
        if (!known.has(id) && !existing) added.push(record);
      }
      const counting = added.length || gone.length ? await countsBefore(tx, [...added, ...gone]) : undefined;
      const ops: Promise<unknown>[] = [];
      for (const [id, job] of written) ops.push(job ? jobs.put(records.get(id)!) : jobs.delete(id));
      if (counting) ops.push(keepCounts(tx, counting, added, gone));
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
        clearTimer(id);
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

  const clearTimer = (id: string) => {
    const timer = timers.get(id);
    if (timer !== undefined) clearTimeout(timer);
    timers.delete(id);
  };

  const change = async <T>(fn: () => Promise<{ value: T; write: boolean }>): Promise<T> => {
    const { value, write, done } = await memory.serial(async () => {
      const result = await fn();
      return { ...result, done: result.write ? commit() : undefined };
    });
    if (write) await done;
    return value;
  };

  const save = async (job: Job, writeOptions: WriteOptions = {}): Promise<{ value: Job; write: boolean }> => {
    const checked = parseJob(job);
    if (!checked.success) {
      throw new AppError('invalid_input', `Job ${job.id} does not match the job schema: ${checked.error.issues[0]?.message}`);
    }
    const next = checked.data;
    if (corrupt.has(next.id)) throw new AppError('storage_unreadable', `A stored job ${next.id} could not be read; it was left as it is.`);
    // Only a throttled write needs the job as it was (always an active one, in memory); a plain put reads nothing.
    const previous = writeOptions.throttle ? await memory.current(next.id) : undefined;
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

  return {
    put: (job, writeOptions) => change(() => save(job, writeOptions)),
    update: (id, fn, writeOptions) =>
      change(async () => {
        const job = await memory.current(id);
        if (!job) throw new AppError('not_found', `No job ${id} in the queue.`);
        return save(fn(job), writeOptions);
      }),
    removeIds: (ids) =>
      change(async () => {
        await memory.open();
        for (const id of ids) {
          clearTimer(id);
          lastWrite.delete(id);
          changes.set(id, null);
        }
        return { value: undefined, write: ids.length > 0 };
      }),
    flush: () => change(async () => ({ value: undefined, write: changes.size > 0 })),
    stats,
    watchers,
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
