import { storage } from 'wxt/utils/storage';
import { HostError } from '../errors';
import { jobSchema, type Job } from './job';

// Jobs persisted in storage.local as one record keyed by job id. Entries are
// checked one by one: a corrupted entry is kept out of the queue and reported,
// but left in storage untouched, so one bad record never costs the others.
// All writes go through one promise chain, so two updates racing in the same
// context never overwrite each other. The background is the only writer.

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

  let chain: Promise<unknown> = Promise.resolve();
  const pending = new Map<string, Job>();
  const lastWrite = new Map<string, number>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  let reported = '';
  const memo: DecodeMemo = new Map();
  // What this store last read or wrote. The background is the only writer, so
  // reads are served from here; a change made elsewhere drops it (see below).
  let cached: { value: unknown } | undefined;
  let lastJson = '';
  const remember = (value: unknown) => {
    cached = { value };
    lastJson = JSON.stringify(value ?? null);
  };
  item.watch((value) => {
    if (JSON.stringify(value ?? null) !== lastJson) cached = undefined;
  });

  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = chain.then(fn);
    chain = next.catch(() => undefined);
    return next;
  };

  const read = async (): Promise<DecodedJobs> => {
    if (!cached) remember(await item.getValue());
    const snapshot = decodeJobs(cached!.value, memo);
    for (const [id, job] of pending) snapshot.jobs.set(id, job);
    const signature = snapshot.corrupt.map((c) => c.id).join('\n');
    if (signature && signature !== reported) options.onCorrupt?.(snapshot.corrupt);
    reported = signature;
    return snapshot;
  };

  const writeNow = async (snapshot: DecodedJobs, job: Job) => {
    const timer = timers.get(job.id);
    if (timer !== undefined) clearTimeout(timer);
    timers.delete(job.id);
    pending.delete(job.id);
    // Other jobs' throttled progress rides along: it is newer than what is stored.
    const next: RawJobs = { ...snapshot.raw, ...Object.fromEntries(pending), [job.id]: job };
    cached = undefined;
    await item.setValue(next);
    remember(next);
    lastWrite.set(job.id, now());
  };

  const save = async (snapshot: DecodedJobs, job: Job, writeOptions: WriteOptions = {}) => {
    const checked = jobSchema.safeParse(job);
    if (!checked.success) {
      throw new HostError('invalid_input', `Job ${job.id} does not match the job schema: ${checked.error.issues[0]?.message}`);
    }
    const stored = checked.data;
    const previous = snapshot.jobs.get(stored.id);
    const since = now() - (lastWrite.get(stored.id) ?? -Infinity);
    if (writeOptions.throttle && previous?.state === stored.state && since < throttleMs) {
      pending.set(stored.id, stored);
      if (!timers.has(stored.id)) {
        timers.set(
          stored.id,
          setTimeout(() => {
            timers.delete(stored.id);
            void serial(flushOne(stored.id)).catch((error) => console.error('VidRelay: progress write failed', error));
          }, throttleMs - since),
        );
      }
      return stored;
    }
    await writeNow(snapshot, stored);
    return stored;
  };

  const flushOne = (id: string) => async () => {
    const job = pending.get(id);
    if (job) await writeNow(await read(), job);
  };

  return {
    all: () => serial(async () => [...(await read()).jobs.values()]),
    get: (id) => serial(async () => (await read()).jobs.get(id)),
    put: (job, writeOptions) => serial(async () => save(await read(), job, writeOptions)),
    update: (id, fn, writeOptions) =>
      serial(async () => {
        const snapshot = await read();
        const current = snapshot.jobs.get(id);
        if (!current) throw new HostError('not_found', `No job ${id} in the queue.`);
        return save(snapshot, fn(current), writeOptions);
      }),
    remove: (id) =>
      serial(async () => {
        const snapshot = await read();
        pending.delete(id);
        const timer = timers.get(id);
        if (timer !== undefined) clearTimeout(timer);
        timers.delete(id);
        lastWrite.delete(id);
        if (!(id in snapshot.raw)) return;
        const { [id]: _removed, ...rest } = snapshot.raw;
        cached = undefined;
        await item.setValue(rest);
        remember(rest);
      }),
    watch: (cb) =>
      item.watch((value) => {
        const { jobs } = decodeJobs(value);
        for (const [id, job] of pending) jobs.set(id, job);
        cb([...jobs.values()]);
      }),
    corrupted: () => serial(async () => (await read()).corrupt),
    flush: () =>
      serial(async () => {
        for (const id of [...pending.keys()]) await flushOne(id)();
      }),
  };
}
