import { isUploadableUrl } from '../media';
import type { UploadOptions } from '../hosts/types';
import type { Job } from '../queue/job';
import { HostError } from '../errors';
import { getAccount } from './accounts';

export interface Enqueuer {
  enqueueRemote(accountId: string, url: string, options?: UploadOptions): Promise<Job>;
}

export interface SendResult {
  jobs: Job[];
  refused: { url: string; reason: string }[];
}

/** Queue each URL as a remote upload; URLs a host can never fetch are refused with the reason. */
export async function sendUrls(queue: Enqueuer, accountId: string, urls: string[], options?: UploadOptions): Promise<SendResult> {
  const account = await getAccount(accountId);
  if (!account.enabled) throw new HostError('invalid_input', `${account.label} is disabled. Enable it in Options first.`);
  const result: SendResult = { jobs: [], refused: [] };
  const seen = new Set<string>();
  for (const url of urls) {
    if (seen.has(url)) continue;
    seen.add(url);
    const check = isUploadableUrl(url);
    if (!check.ok) {
      result.refused.push({ url, reason: check.reason });
      continue;
    }
    result.jobs.push(await queue.enqueueRemote(accountId, url, { ...account.defaults, ...options }));
  }
  return result;
}
