// Job states and kinds without zod, so UI pages can list them cheaply.

export const jobStates = ['queued', 'sending', 'uploading', 'encoding', 'ready', 'failed', 'interrupted'] as const;
export type JobState = (typeof jobStates)[number];

/** Kinds of stored job: each has one driver (lib/queue/drivers) and one schema member (lib/queue/model/job.ts). */
export const jobKinds = ['remote', 'file', 'relay'] as const;
export type JobKind = (typeof jobKinds)[number];

/**
 * What a list shows one row for: a job, or a mirror (a group of jobs, one
 * per account, derived from its members when read; never stored itself).
 */
export const entryKinds = [...jobKinds, 'mirror'] as const;
export type EntryKind = (typeof entryKinds)[number];

export const terminalStates: ReadonlySet<JobState> = new Set(['ready', 'failed', 'interrupted']);

/** States in which a job holds a connection to its host: a restart cuts it off, and it counts against the concurrency limits. */
export const inFlight: ReadonlySet<JobState> = new Set(['sending', 'uploading']);

/** Job notes are codes the UI words: this one says a cut upload was found on the host, not sent again. */
export const foundNote = 'found-on-host';

/** The host holds a second copy of this job's file from the same send (the job's `secondCopy` names it). */
export const secondCopyNote = 'second-copy';

/** The user had the second copy removed from the host. */
export const secondCopyRemovedNote = 'second-copy-removed';
