import { useCallback, useEffect, useRef } from 'preact/hooks';
import { jobKinds, jobStates } from '../../lib/queue/model/states';
import type { PublicAccount } from '../../lib/accounts';
import type { Job } from '../../lib/queue/model/job';

// What a page last drew from the background (its accounts, its jobs), kept in
// this extension origin's localStorage so that its next open draws the same at
// once, before the background has answered, and replaces it with the answer a
// moment later. A copy, never the record: the background's stores stay the only
// truth, and a copy that cannot be read is not shown (the live answer replaces
// it). Each copy is versioned in its key, so a copy of another version (an
// older or newer build) is left alone. Keys never go in: accounts are kept
// without even their masked hint.

const version = 1;
/** A copy longer than this (in characters) is neither kept nor read. */
const maxChars = 512 * 1024;
/** At most this many jobs in a copy: a few screens' worth. */
const maxJobs = 400;
/** What a page shows is kept at most this often (and when the page goes away). */
const keepMs = 1000;

export interface LastShown<T> {
  name: string;
  /** The copy as it is to be stored (what a page must not keep is left out here). */
  keep: (value: T) => T;
  /** Whether a parsed copy has the shape the page draws. */
  check: (value: unknown) => value is T;
}

const storageKey = (name: string) => `vidrelay.lastShown.v${version}.${name}`;

/** The copy the page drew last time, or undefined when there is none it can use. */
export function readLastShown<T>(kind: LastShown<T>): T | undefined {
  try {
    const text = localStorage.getItem(storageKey(kind.name));
    if (!text || text.length > maxChars) return undefined;
    const value: unknown = JSON.parse(text);
    return kind.check(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Keeps what the page now shows for its next open (nothing when it is too large or storage refuses it). */
export function keepLastShown<T>(kind: LastShown<T>, value: T): void {
  try {
    const text = JSON.stringify(kind.keep(value));
    if (text.length > maxChars) localStorage.removeItem(storageKey(kind.name));
    else localStorage.setItem(storageKey(kind.name), text);
  } catch {
    // Storage full or off: the next open waits for the background, as without a copy.
  }
}

/** The copies that hold jobs: the popup's recent jobs and the Upload tab's rows. */
const jobCopies = { recent: 'recentJobs', uploads: 'uploads' } as const;

/**
 * After the user removed jobs (one, or a clear of History): no copy shows them again. Each page's
 * copy is written anew from its next answer; until then those pages wait for the background.
 */
export function forgetShownJobs(): void {
  try {
    for (const name of Object.values(jobCopies)) localStorage.removeItem(storageKey(name));
  } catch {
    // Storage off: there is no copy either.
  }
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isString = (value: unknown) => typeof value === 'string';
const oneOf = (list: readonly string[], value: unknown) => typeof value === 'string' && list.includes(value);

function isJob(value: unknown): value is Job {
  if (!isObject(value)) return false;
  const { id, kind, state, accountId, createdAt, updatedAt, options } = value;
  return (
    isString(id) &&
    oneOf(jobKinds, kind) &&
    oneOf(jobStates, state) &&
    isString(accountId) &&
    typeof createdAt === 'number' &&
    typeof updatedAt === 'number' &&
    isObject(options) &&
    (value.title === undefined || isString(value.title)) &&
    (value.links === undefined || isObject(value.links)) &&
    (value.error === undefined || isObject(value.error)) &&
    (value.file === undefined || isObject(value.file)) &&
    (value.group === undefined || isObject(value.group))
  );
}

function isJobList(value: unknown): value is Job[] {
  return Array.isArray(value) && value.length <= maxJobs && value.every(isJob);
}

function isAccountList(value: unknown): value is PublicAccount[] {
  return (
    Array.isArray(value) &&
    value.length <= maxJobs &&
    value.every((a) => isObject(a) && isString(a.id) && isString(a.label) && isString(a.hostId) && isString(a.apiBase) && typeof a.enabled === 'boolean')
  );
}

/** The accounts list (accounts.list), kept without the masked key hints. */
export const shownAccounts: LastShown<PublicAccount[]> = {
  name: 'accounts',
  keep: (list) => list.map((account) => ({ ...account, keyHint: '' })),
  check: isAccountList,
};

/** The popup's recent jobs (jobs.list). */
export const shownRecentJobs: LastShown<Job[]> = { name: jobCopies.recent, keep: (list) => list.slice(0, maxJobs), check: isJobList };

/**
 * The Upload tab's page of jobs (jobs.page), kept to its first `rows` rows (a mirror's other
 * members, which follow the page, come along): what the tab draws in its first frame.
 */
export function shownUploadPage<T extends { jobs: Job[] }>(rows: number): LastShown<T> {
  return {
    name: jobCopies.uploads,
    keep: (page) => {
      const top = new Set<string>();
      const jobs = page.jobs.filter((job) => {
        const row = job.group?.id ?? job.id;
        if (top.has(row)) return true;
        if (top.size >= rows) return false;
        top.add(row);
        return true;
      });
      return { ...page, jobs: jobs.slice(0, maxJobs) };
    },
    check: (value): value is T => isObject(value) && isJobList(value.jobs),
  };
}

/** Keeps `value` (what the page shows from live answers) for the next open: the first at once, later ones at most every keepMs. */
export function useKeptCopy<V>(kept: LastShown<V> | undefined, value: V | undefined): void {
  const latest = useRef(value);
  latest.current = value;
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const written = useRef(false);
  /** Keeps what is shown now, and drops a write still waiting (this one covers it). */
  const write = useCallback((to: LastShown<V>) => {
    clearTimeout(timer.current);
    timer.current = undefined;
    if (latest.current !== undefined) keepLastShown(to, latest.current);
  }, []);
  useEffect(() => {
    if (!kept || value === undefined || timer.current !== undefined) return;
    if (!written.current) {
      written.current = true;
      write(kept);
    } else timer.current = setTimeout(() => write(kept), keepMs);
  }, [kept, value, write]);
  useEffect(() => {
    if (!kept) return;
    const flush = () => {
      if (timer.current !== undefined) write(kept);
    };
    addEventListener('pagehide', flush);
    return () => {
      removeEventListener('pagehide', flush);
      flush();
    };
  }, [kept, write]);
}
