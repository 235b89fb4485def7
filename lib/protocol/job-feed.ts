import type { Job } from '../queue/model/job';

// The job feed's wire format, without zod: UI pages import it.

/** The port pages open to follow the queue (lib/background/jobs/feed.ts). */
export const jobFeedPort = 'vidrelay-jobs';

/** What the background tells a page on its job feed. */
export type JobFeedMessage =
  /**
   * These jobs changed or were removed (`ids`, none: ask again whatever the page shows). A small batch of
   * changes carries the jobs as they are now (`jobs`) and which ids were removed (`removed`): a page whose
   * rows are all of those jobs, in the same places, takes them as they are instead of asking again.
   */
  | { type: 'changed'; ids: string[]; jobs?: Job[]; removed?: string[] }
  /** A job change could not be stored: the user must hear it. */
  | { type: 'storage-error'; error: { code: string; message: string } };
