import { accountsItem } from '../../storage';
import type { Job } from '../../queue/job';
import type { History } from '../../queue/history';
import type { CorruptJob } from '../../queue/store';
import type { jobRequests } from '../../protocol/jobs';
import type { HandlersFor } from '../router';
import { ensureHostAccess } from '../accounts';
import { sendUrls, type Enqueuer } from '../send';

export interface JobApi extends Enqueuer {
  /** Newest first, at most `limit`. */
  recent(limit: number): Promise<Job[]>;
  history: History;
  removeMany(ids: string[]): Promise<void>;
  problems(): Promise<CorruptJob[]>;
  retry(id: string): Promise<Job>;
  cancel(id: string): Promise<Job>;
  remove(id: string): Promise<boolean>;
}

/** Removing thousands of jobs goes in slices, so the queue's own writes are never held up for long. */
const clearSlice = 500;

export function createJobHandlers(jobs: JobApi): HandlersFor<typeof jobRequests> {
  return {
    'jobs.list': ({ limit }) => jobs.recent(limit ?? 100),
    'jobs.page': (query) => jobs.history.query(query),
    'jobs.clear': async ({ before }) => {
      const ids = await jobs.history.finishedBefore(before);
      for (let at = 0; at < ids.length; at += clearSlice) await jobs.removeMany(ids.slice(at, at + clearSlice));
      return { removed: ids.length };
    },
    'jobs.problems': () => jobs.problems(),
    'jobs.retry': ({ id }) => jobs.retry(id),
    'jobs.cancel': ({ id }) => jobs.cancel(id),
    'jobs.remove': async ({ id }) => ({ removed: await jobs.remove(id) }),
    'remote.send': async ({ accountId, urls, options }) => {
      const account = (await accountsItem.get()).find((a) => a.id === accountId);
      if (account) await ensureHostAccess(account);
      return sendUrls(jobs, accountId, urls, options);
    },
  };
}
