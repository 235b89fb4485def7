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

export function decodeJobs(value: unknown): DecodedJobs {
  const jobs = new Map<string, Job>();
  const corrupt: CorruptJob[] = [];
  if (value == null) return { raw: {}, jobs, corrupt };
  if (typeof value !== 'object' || Array.isArray(value)) {
    return { raw: {}, jobs, corrupt: [{ id: '*', problem: 'The stored job list is not a record; it was reset.' }] };
  }
  const raw = value as RawJobs;
  for (const [id, entry] of Object.entries(raw)) {
    const parsed = jobSchema.safeParse(entry);
    if (!parsed.success) {
      corrupt.push({ id, problem: parsed.error.issues.map((i) => `${i.path.join('.') || '(job)'}: ${i.message}`).join('; ') });
    } else if (parsed.data.id !== id) {
      corrupt.push({ id, problem: `stored under "${id}" but its id is "${parsed.data.id}"` });
    } else {
      jobs.set(id, parsed.data);
    }
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

  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = chain.then(fn);
    chain = next.catch(() => undefined);
    return next;
  };

  const read = async (): Promise<DecodedJobs> => {
    const snapshot = decodeJobs(await item.getValue());
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
    await item.setValue(next);
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
        await item.setValue(rest);
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
