import { defineVersionedItem } from '../../storage/versioned-item';
import { copyOptions, type RecentCopy } from '../jobs/recent-copy';
import { recentCopyLimit } from '../../protocol/recent-copy';

// The copy of the popup's newest jobs (kept by lib/background/jobs/recent-copy.ts).

export const recentCopyItem = defineVersionedItem({
  key: 'local:recentJobs',
  ...copyOptions,
  label: 'copy of the newest jobs',
  fallback: (): RecentCopy => ({ limit: recentCopyLimit, jobs: [], copiedAt: 0 }),
  onInvalid: () => console.warn('VidRelay: the stored copy of the newest jobs could not be read; kept as it is'),
});
