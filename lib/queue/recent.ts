import type { Job } from './job';
import type { JobStore } from './store';

/**
 * The `limit` newest rows (a mirror is one row, however many jobs it has),
 * as the flat list pages take: the newest job of each row, then the other
 * members of each mirror among them.
 */
export async function recentJobs(store: Pick<JobStore, 'recent' | 'members'>, limit: number): Promise<Job[]> {
  const seen = new Set<string>();
  const top = await store.recent(limit, (job) => {
    if (!job.group) return true;
    if (seen.has(job.group.id)) return false;
    seen.add(job.group.id);
    return true;
  });
  const groupIds = top.flatMap((job) => (job.group ? [job.group.id] : []));
  const ids = new Set(top.map((job) => job.id));
  const members = (await store.members(groupIds)).filter((member) => !ids.has(member.id));
  return [...top, ...members];
}
