import { browser } from 'wxt/browser';
import { recentCopyKey, recentCopyRows } from '../../lib/protocol/recent-copy';
import type { Job } from '../../lib/queue/model/job';

/** The background's stored copy of the newest jobs, read by the popup itself; undefined when there is none it reads. */
export async function readRecentCopy(): Promise<Job[] | undefined> {
  const stored = await browser.storage.local.get(recentCopyKey);
  return recentCopyRows(stored[recentCopyKey]);
}
