import { jobKinds, jobStates } from '../queue/model/states';
import type { Job } from '../queue/model/job';

// The copy of the popup's newest jobs that the background keeps in
// storage.local (lib/background/jobs/recent-copy.ts), as a page reads it
// itself: without zod, and only a copy of the version this build writes
// whose every row has what a job row shows. Anything else is not used here
// (the background reports an unreadable copy with the other stored data).

/** The storage.local key. */
export const recentCopyKey = 'recentJobs';
/** The format of the copy this build writes and reads. */
export const recentCopyVersion = 1;
/** Rows the copy holds: the popup's (components/popup/PopupApp.tsx). */
export const recentCopyLimit = 10;

const isObject = (value: unknown): value is Record<string, unknown> => !!value && typeof value === 'object' && !Array.isArray(value);
const kinds: ReadonlySet<unknown> = new Set(jobKinds);
const states: ReadonlySet<unknown> = new Set(jobStates);

/** A stored row with the fields a job row reads, of the types it reads them as. */
function isRow(value: unknown): value is Job {
  if (!isObject(value)) return false;
  const { id, kind, state, accountId, createdAt, url, file, group, links, error } = value;
  if (typeof id !== 'string' || !kinds.has(kind) || !states.has(state) || typeof accountId !== 'string' || typeof createdAt !== 'number') return false;
  if (kind === 'file' ? !isObject(file) || typeof file.name !== 'string' : typeof url !== 'string') return false;
  if (group !== undefined && (!isObject(group) || typeof group.id !== 'string' || typeof group.index !== 'number')) return false;
  if (links !== undefined && !isObject(links)) return false;
  return error === undefined || (isObject(error) && typeof error.code === 'string' && typeof error.message === 'string');
}

/** The copy's rows from a stored value, when this build reads it; else undefined. */
export function recentCopyRows(stored: unknown): Job[] | undefined {
  if (!isObject(stored) || stored.version !== recentCopyVersion || !isObject(stored.data)) return undefined;
  const { limit, jobs } = stored.data;
  if (limit !== recentCopyLimit || !Array.isArray(jobs) || !jobs.every(isRow)) return undefined;
  return jobs;
}
