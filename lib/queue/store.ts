import { storage } from 'wxt/utils/storage';
import { HostError } from '../errors';
import { jobSchema, type Job } from './job';

// Jobs persisted in storage.local as one record keyed by job id. Entries are
// checked one by one: a corrupted entry is kept out of the queue and reported,
// but left in storage untouched, so one bad record never costs the others.
// Changes are applied in memory one at a time (so two updates racing never
// overwrite each other) and written in group commits: every change that
// arrives while writes are under way goes out together in the next one, and
// a caller's promise resolves only once its change is in storage. Writing the
// whole record costs about as much for one change as for ten, so a busy queue
// writes a few times per request instead of queueing write after write.
// The background is the only writer.

export const jobsKey = 'local:jobs' as const;
export const jobsVersion = 1;

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

export interface JobStore {
  all(): Promise<Job[]>;
  get(id: string): Promise<Job | undefined>;
  put(job: Job, options?: WriteOptions): Promise<Job>;
  /** Rejects with HostError 'not_found' when there is no such job. */
  update(id: string, fn: (job: Job) => Job, options?: WriteOptions): Promise<Job>;
  remove(id: string): Promise<void>;
  watch(cb: (jobs: Job[]) => void): () => void;
  corrupted(): Promise<CorruptJob[]>;
  /** Write throttled progress now (tests, shutdown). */
  flush(): Promise<void>;
}

export interface JobStoreOptions {
  throttleMs?: number;
  now?: () => number;
  onCorrupt?: (entries: CorruptJob[]) => void;
}

type RawJobs = Record<string, unknown>;

export interface DecodedJobs {
  raw: RawJobs;
  jobs: Map<string, Job>;
  corrupt: CorruptJob[];
}

/**
 * Checked jobs by their stored JSON: most reads see the same entries as the
 * last one, and re-checking every job with zod on every read made a busy
 * queue spend its time parsing instead of sending.
 */
export type DecodeMemo = Map<string, Job>;

export function decodeJobs(value: unknown, memo?: DecodeMemo): DecodedJobs {
  const jobs = new Map<string, Job>();
  const corrupt: CorruptJob[] = [];
  if (value == null) return { raw: {}, jobs, corrupt };
  if (typeof value !== 'object' || Array.isArray(value)) {
    return { raw: {}, jobs, corrupt: [{ id: '*', problem: 'The stored job list is not a record; it was reset.' }] };
  }
  const raw = value as RawJobs;
  const seen: DecodeMemo | undefined = memo ? new Map() : undefined;
  for (const [id, entry] of Object.entries(raw)) {
    const fingerprint = memo ? `${id}\n${JSON.stringify(entry)}` : '';
    const known = memo?.get(fingerprint);
    if (known) {
      jobs.set(id, { ...known });
      seen!.set(fingerprint, known);
      continue;
    }
    const parsed = jobSchema.safeParse(entry);
    if (!parsed.success) {
      corrupt.push({ id, problem: parsed.error.issues.map((i) => `${i.path.join('.') || '(job)'}: ${i.message}`).join('; ') });
    } else if (parsed.data.id !== id) {
      corrupt.push({ id, problem: `stored under "${id}" but its id is "${parsed.data.id}"` });
    } else {
      jobs.set(id, parsed.data);
      seen?.set(fingerprint, parsed.data);
    }
  }
  if (memo && seen) {
    memo.clear();
    for (const [key, job] of seen) memo.set(key, job);
  }
  return { raw, jobs, corrupt };
}

export function createJobStore(options: JobStoreOptions = {}): JobStore {
  const throttleMs = options.throttleMs ?? 500;
  const now = options.now ?? Date.now;
  const item = storage.defineItem<RawJobs>(jobsKey, { fallback: {}, version: jobsVersion });

  // What storage holds, as this store last read or wrote it; undefined after
  // a change made elsewhere (the next read loads it again).
  let base: DecodedJobs | undefined;
  // Changes not yet written (null: removed): queued for the next commit, or
  // throttled progress waiting for its timer.
  const changes = new Map<string, Job | null>();
  const lastWrite = new Map<string, number>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  let reported = '';
  // Our own recent writes, to tell them apart from changes made elsewhere.
  const ours: string[] = [];
  let elsewhere = 0;
  item.watch((value) => {
    const at = ours.length ? ours.indexOf(JSON.stringify(value ?? null)) : -1;
    if (at >= 0) {
      ours.splice(0, at + 1);
      return;
    }
    elsewhere += 1;
    base = undefined;
  });

  let chain: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = chain.then(fn);
    chain = next.catch(() => undefined);
    return next;
  };

  let loading: Promise<DecodedJobs> | undefined;
  const load = (): Promise<DecodedJobs> => {
    if (base) return Promise.resolve(base);
    // One read at a time: two writes starting together must build on the same record.
    loading ??= (async () => {
      try {
        const loaded = decodeJobs(await item.getValue());
        const signature = loaded.corrupt.map((c) => c.id).join('\n');
        if (signature && signature !== reported) options.onCorrupt?.(loaded.corrupt);
        reported = signature;
        base = loaded;
        return loaded;
      } finally {
        loading = undefined;
      }
    })();
    return loading;
  };

  /** The queue as it stands: storage plus the changes not written yet. */
  const view = async (): Promise<Map<string, Job>> => {
    const jobs = new Map((await load()).jobs);
    for (const [id, job] of changes) {
      if (job) jobs.set(id, job);
      else jobs.delete(id);
    }
    return jobs;
  };

  // ---- group commit ----

  let waiting: { resolve(): void; reject(error: unknown): void }[] = [];
  let writing = false;

  const commit = (): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      waiting.push({ resolve, reject });
      startWrite();
    });

  // One write at a time, started a task later: serializing the record for
  // storage costs the same for one change as for ten and blocks this thread,
  // so changes made in the same turn (a job's result and the next job's
  // "sending") go out together, and changes made during a write go in the next.
  const startWrite = () => {
    if (!waiting.length || writing) return;
    writing = true;
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
      const stored = await load();
      const entries: RawJobs = { ...stored.raw };
      const jobs = new Map(stored.jobs);
      for (const [id, job] of written) {
        if (job) {
          entries[id] = sortedKeys(job);
          jobs.set(id, job);
        } else {
          delete entries[id];
          jobs.delete(id);
        }
      }
      // Entries are sorted as they are saved (or came sorted from storage): only the ids need ordering here.
      const raw: RawJobs = {};
      for (const id of Object.keys(entries).sort()) raw[id] = entries[id];
      const generation = elsewhere;
      ours.push(JSON.stringify(raw));
      if (ours.length > 32) ours.shift();
      await item.setValue(raw);
      // A change made elsewhere while this write was out may be the newer one: read again next time.
      base = generation === elsewhere ? { raw, jobs, corrupt: stored.corrupt.filter((c) => !written.has(c.id)) } : undefined;
      const at = now();
      for (const [id, job] of written) {
        if (changes.get(id) !== job) continue;
        changes.delete(id);
        lastWrite.set(id, at);
        const timer = timers.get(id);
        if (timer !== undefined) clearTimeout(timer);
        timers.delete(id);
      }
      for (const waiter of batch) waiter.resolve();
    } catch (error) {
      // Nothing of this batch is known to be stored: its callers hear so, and the next read asks storage.
      base = undefined;
      for (const [id, job] of written) if (changes.get(id) === job) changes.delete(id);
      for (const waiter of batch) waiter.reject(error);
    }
  };

  // ---- changes ----

  /** Apply a change in order with every other; the returned commit is awaited outside the chain, so later changes join it. */
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
    const stored = checked.data;
    const previous = (await view()).get(stored.id);
    const since = now() - (lastWrite.get(stored.id) ?? -Infinity);
    changes.set(stored.id, stored);
    if (writeOptions.throttle && previous?.state === stored.state && since < throttleMs) {
      if (!timers.has(stored.id)) {
        timers.set(
          stored.id,
          setTimeout(() => {
            timers.delete(stored.id);
            if (changes.has(stored.id)) commit().catch((error) => console.error('VidRelay: progress write failed', error));
          }, throttleMs - since),
        );
      }
      return { value: stored, write: false };
    }
    return { value: stored, write: true };
  };

  return {
    all: () => serial(async () => [...(await view()).values()]),
    get: (id) => serial(async () => (await view()).get(id)),
    put: (job, writeOptions) => change(() => save(job, writeOptions)),
    update: (id, fn, writeOptions) =>
      change(async () => {
        const current = (await view()).get(id);
        if (!current) throw new HostError('not_found', `No job ${id} in the queue.`);
        return save(fn(current), writeOptions);
      }),
    remove: (id) =>
      change(async () => {
        const stored = await load();
        const timer = timers.get(id);
        if (timer !== undefined) clearTimeout(timer);
        timers.delete(id);
        lastWrite.delete(id);
        if (!(id in stored.raw)) {
          changes.delete(id);
          return { value: undefined, write: false };
        }
        changes.set(id, null);
        return { value: undefined, write: true };
      }),
    watch: (cb) =>
      item.watch((value) => {
        const { jobs } = decodeJobs(value);
        for (const [id, job] of changes) {
          if (job) jobs.set(id, job);
          else jobs.delete(id);
        }
        cb([...jobs.values()]);
      }),
    corrupted: () => serial(async () => (await load()).corrupt),
    flush: () => change(async () => ({ value: undefined, write: changes.size > 0 })),
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

/**
 * The same value with object keys in sorted order, as Chrome's storage hands
 * records back: then our own write, read back by the change listener, is
 * recognised by a plain JSON comparison.
 */
function sortedKeys<T>(value: T): T {
  if (!value || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(sortedKeys) as T;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const entry = (value as Record<string, unknown>)[key];
    if (entry !== undefined) out[key] = sortedKeys(entry);
  }
  return out as T;
}
