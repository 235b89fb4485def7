// Job states and kinds without zod, so UI pages can list them cheaply.

export const jobStates = ['queued', 'sending', 'uploading', 'encoding', 'ready', 'failed', 'interrupted'] as const;
export type JobState = (typeof jobStates)[number];

export const jobKinds = ['remote', 'file', 'mirror', 'relay'] as const;
export type JobKind = (typeof jobKinds)[number];

export const terminalStates: ReadonlySet<JobState> = new Set(['ready', 'failed', 'interrupted']);

/** Job notes are codes the UI words: this one says a cut upload was found on the host, not sent again. */
export const foundNote = 'found-on-host';
