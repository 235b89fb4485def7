import { isUploadableUrl } from '../../media';
import type { UploadOptions } from '../../hosts/types';
import type { Job } from '../../queue/model/job';
import { AppError } from '../../errors';
import { errorFrom } from '../../messaging';
import type { Account } from '../../accounts';
import { assertRemoteFits } from '../accounts/host-fit';

export interface Enqueuer {
  enqueueRemote(accountId: string, url: string, options?: UploadOptions): Promise<Job>;
}

export interface SendResult {
  jobs: Job[];
  refused: { url: string; reason: string }[];
}

/** Queue each URL as a remote upload; URLs a host can never fetch are refused with the reason. */
export async function sendUrls(queue: Enqueuer, account: Account, urls: string[], options?: UploadOptions): Promise<SendResult> {
  const accountId = account.id;
  if (!account.enabled) throw new AppError('invalid_input', `${account.label} is disabled. Enable it in Options first.`);
  // A host without remote upload would take the job and fail it; refuse before anything is queued.
  assertRemoteFits(account);
  const result: SendResult = { jobs: [], refused: [] };
  const accepted: string[] = [];
  for (const url of new Set(urls)) {
    const check = isUploadableUrl(url);
    if (check.ok) accepted.push(url);
    else result.refused.push({ url, reason: check.reason });
  }
  // Queued together so the store writes them in one go; a URL that could not be queued is reported, not dropped.
  const queued = await Promise.allSettled(accepted.map((url) => queue.enqueueRemote(accountId, url, { ...account.defaults, ...options })));
  queued.forEach((outcome, i) => {
    if (outcome.status === 'fulfilled') result.jobs.push(outcome.value);
    else result.refused.push({ url: accepted[i], reason: errorFrom(outcome.reason).message });
  });
  return result;
}
