import { browser, type Browser } from 'wxt/browser';
import { jobFeedPort, type JobFeedMessage } from '../../protocol/job-feed';
import type { JobStore } from '../../queue/store';
import type { Job } from '../../queue/model/job';
import type { AppError } from '../../errors';
import { senderKinds } from '../../protocol/senders';

// Pages follow the queue through a port instead of asking every second:
// the background names the jobs that changed, with the jobs themselves when
// they are few (an upload's progress), and a page either takes them in place
// or asks again for what it shows (components/hooks/jobFeedPatch.ts). Only the
// extension's UI pages may connect (the same rule as their requests).

type Port = Browser.runtime.Port;

/** Changes within this window go out as one message: a busy queue does not flood the pages. */
const batchMs = 100;
/** A batch of more changes than this goes out as ids alone: the pages ask again rather than take a large message. */
const carriedJobs = 20;

export interface JobFeed {
  /** Tell every open page that a job change could not be stored. */
  storageError(error: AppError): void;
  /** Tell every open page to ask again for what it shows (an answer it had may have been out of date). */
  refresh(): void;
  pages(): number;
}

export function createJobFeed(store: Pick<JobStore, 'watch'>, runtime: Pick<typeof browser.runtime, 'onConnect'> = browser.runtime): JobFeed {
  const ports = new Set<Port>();
  runtime.onConnect.addListener((port: Port) => {
    if (port.name !== jobFeedPort) return;
    if (!senderKinds(port.sender ?? {}).has('page')) {
      port.disconnect();
      return;
    }
    ports.add(port);
    port.onDisconnect.addListener(() => ports.delete(port));
  });

  const post = (message: JobFeedMessage) => {
    for (const port of ports) {
      try {
        port.postMessage(message);
      } catch {
        ports.delete(port);
      }
    }
  };

  // Each id's latest: the job as it is now, or removed.
  let pending = new Map<string, Job | 'removed'>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  store.watch((changed, removed) => {
    if (!ports.size) return;
    for (const job of changed) pending.set(job.id, job);
    for (const id of removed) pending.set(id, 'removed');
    if (timer !== undefined) return;
    timer = setTimeout(() => {
      timer = undefined;
      const batch = pending;
      pending = new Map();
      const ids = [...batch.keys()];
      if (batch.size > carriedJobs) {
        post({ type: 'changed', ids });
        return;
      }
      const jobs: Job[] = [];
      const gone: string[] = [];
      for (const [id, value] of batch) {
        if (value === 'removed') gone.push(id);
        else jobs.push(value);
      }
      post({ type: 'changed', ids, jobs, removed: gone });
    }, batchMs);
  });

  return {
    storageError: (error) => post({ type: 'storage-error', error: { code: error.code, message: error.message } }),
    refresh: () => post({ type: 'changed', ids: [] }),
    pages: () => ports.size,
  };
}
