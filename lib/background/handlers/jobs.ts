import { accountsItem } from '../../storage';
import type { Job } from '../../queue/job';
import type { jobRequests } from '../../protocol/jobs';
import type { HandlersFor } from '../router';
import { ensureHostAccess } from '../accounts';
import { sendUrls, type Enqueuer } from '../send';

export interface JobApi extends Enqueuer {
  list(): Promise<Job[]>;
  retry(id: string): Promise<Job>;
  cancel(id: string): Promise<Job>;
  remove(id: string): Promise<boolean>;
}

export function createJobHandlers(jobs: JobApi): HandlersFor<typeof jobRequests> {
  return {
    'jobs.list': async ({ limit }) => {
      const all = (await jobs.list()).sort((a, b) => b.createdAt - a.createdAt);
      return limit ? all.slice(0, limit) : all;
    },
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
