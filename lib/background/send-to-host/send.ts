import { isUploadableUrl } from '../../media';
import type { UploadOptions } from '../../hosts/types';
import type { Job } from '../../queue/model/job';
import type { RelayExtra } from '../../queue/runner/api';
import { AppError } from '../../errors';
import { errorFrom } from '../../messaging';
import type { Account } from '../../accounts';
import type { FetchText } from '../../media/read-streams';
import { assertRemoteFits, streamRoute } from '../accounts/host-fit';
import { isStream, streamToRelay } from './streams';

export interface Enqueuer {
  enqueueRemote(accountId: string, url: string, options?: UploadOptions): Promise<Job>;
  enqueueRelay?(accountId: string, url: string, options?: UploadOptions, extra?: RelayExtra): Promise<Job>;
}

export interface SendResult {
  jobs: Job[];
  refused: { url: string; reason: string }[];
}

/**
 * A playlist URL (.m3u8) given without a picker: read first (from the
 * extension), a master's best quality taken and named in the job's title;
 * relayed unless the host's preset says its remote upload takes playlists.
 */
async function queueStream(queue: Enqueuer, account: Account, url: string, options: UploadOptions, fetchText: FetchText): Promise<{ job: Job }> {
  const route = streamRoute(account);
  if (route === 'remote' || !queue.enqueueRelay) return { job: await queue.enqueueRemote(account.id, url, options) };
  const stream = await streamToRelay(url, fetchText);
  const extra: RelayExtra = { title: stream.title, stream: 'hls', ...(stream.bytes ? { bytesTotal: stream.bytes } : {}) };
  return { job: await queue.enqueueRelay(account.id, stream.url, options, extra) };
}

/**
 * Queue each URL as a remote upload; URLs a host can never fetch are refused
 * with the reason. With `fetchText`, playlist URLs are read and go as streams.
 */
export async function sendUrls(queue: Enqueuer, account: Account, urls: string[], options?: UploadOptions, fetchText?: FetchText): Promise<SendResult> {
  const accountId = account.id;
  if (!account.enabled) throw new AppError('invalid_input', `${account.label} is disabled. Enable it in Options first.`);
  const result: SendResult = { jobs: [], refused: [] };
  const accepted: string[] = [];
  const streams: string[] = [];
  for (const url of new Set(urls)) {
    const check = isUploadableUrl(url);
    if (!check.ok) result.refused.push({ url, reason: check.reason });
    else if (fetchText && isStream(undefined, url)) streams.push(url);
    else accepted.push(url);
  }
  // A host without remote upload would take the job and fail it; refuse before anything is queued.
  if (accepted.length > 0 || streams.length === 0) assertRemoteFits(account);
  else streamRoute(account);
  const merged = { ...account.defaults, ...options };
  // Queued together so the store writes them in one go; a URL that could not be queued is reported, not dropped.
  const queued = await Promise.allSettled([
    ...accepted.map(async (url) => ({ job: await queue.enqueueRemote(accountId, url, merged) })),
    ...streams.map((url) => queueStream(queue, account, url, merged, fetchText!)),
  ]);
  const all = [...accepted, ...streams];
  queued.forEach((outcome, i) => {
    if (outcome.status === 'rejected') result.refused.push({ url: all[i], reason: errorFrom(outcome.reason).message });
    else result.jobs.push(outcome.value.job);
  });
  return result;
}
