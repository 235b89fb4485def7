// The job feed's wire format, without zod: UI pages import it.

/** The port pages open to follow the queue (lib/background/jobs/feed.ts). */
export const jobFeedPort = 'vidrelay-jobs';

/** What the background tells a page on its job feed. */
export type JobFeedMessage =
  /** These jobs changed or were removed: ask again for what the page shows. */
  | { type: 'changed'; ids: string[] }
  /** A job change could not be stored: the user must hear it. */
  | { type: 'storage-error'; error: { code: string; message: string } };
