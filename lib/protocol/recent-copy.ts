// The copy of the popup's newest jobs that the background keeps in
// storage.local (lib/background/jobs/recent-copy.ts): its key, format and
// size, without zod, so the popup can name the same limit.

/** The storage.local key. */
export const recentCopyKey = 'recentJobs';
/** The format of the copy this build writes and reads. */
export const recentCopyVersion = 1;
/** Rows the copy holds: the popup's (components/popup/PopupApp.tsx). */
export const recentCopyLimit = 10;
